using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homelab.Dashboard.Persistence.Conversations;

internal sealed class ConversationEntryConfiguration : IEntityTypeConfiguration<ConversationEntry>
{
    public void Configure(EntityTypeBuilder<ConversationEntry> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Surface).HasMaxLength(20);
        builder.HasIndex(e => e.UpdatedAtUnixMs);
        builder.HasMany(e => e.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationMessageEntryConfiguration : IEntityTypeConfiguration<ConversationMessageEntry>
{
    public void Configure(EntityTypeBuilder<ConversationMessageEntry> builder)
    {
        builder.ToTable("conversation_messages");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Role).HasMaxLength(20);
        builder.Property(e => e.Approval).HasMaxLength(30);
        builder.HasIndex(e => new { e.ConversationId, e.Ordinal }).IsUnique();
    }
}
