using System.Collections.Immutable;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>An embed token as the settings page and the authentication handler see it; never carries the value.</summary>
public sealed record EmbedToken
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required ImmutableArray<EmbedScope> Scopes { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);

    public bool Allows(EmbedScope scope) => Scopes.Contains(scope);
}

/// <summary>A token just created: the only moment its value exists outside the caller's hands.</summary>
public sealed record CreatedEmbedToken(EmbedToken Token, string Value);
