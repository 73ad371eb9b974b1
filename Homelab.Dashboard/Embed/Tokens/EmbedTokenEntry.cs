using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>One embed token as stored: its SHA-256, never its value.</summary>
public sealed class EmbedTokenEntry
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the token value.</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>Scope names joined by commas (<see cref="EmbedScopes.Join"/>).</summary>
    public string Scopes { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public long CreatedAtUnixMs { get; set; }

    public long? ExpiresAtUnixMs { get; set; }

    public long? LastUsedAtUnixMs { get; set; }

    public long? RevokedAtUnixMs { get; set; }
}

internal sealed class EmbedTokenEntryConfiguration : IEntityTypeConfiguration<EmbedTokenEntry>
{
    public void Configure(EntityTypeBuilder<EmbedTokenEntry> builder)
    {
        builder.ToTable("embed_tokens");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Hash).HasMaxLength(32);
        builder.Property(e => e.Scopes).HasMaxLength(200);
        builder.Property(e => e.CreatedBy).HasMaxLength(200);
        builder.HasIndex(e => e.Hash).IsUnique();
    }
}
