using System.Collections.Concurrent;
using System.Collections.Immutable;
using Homelab.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Embed.Tokens;

/// <summary>
/// Embed tokens in SQLite, with the active ones cached in memory: embeds reconnect and Homepage polls every few
/// seconds, and none of that should touch the database.
/// </summary>
/// <remarks>Thread-safe. The last-used time is kept in memory and written at most once per <see cref="LastUsedWriteInterval"/> per token.</remarks>
internal sealed partial class EmbedTokenStore(IDbContextFactory<HomelabDbContext> dbFactory, TimeProvider timeProvider, ILogger<EmbedTokenStore> logger) : IDisposable
{
    public static readonly TimeSpan LastUsedWriteInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastUsed = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastWritten = new();
    private ImmutableArray<(EmbedToken Token, byte[] Hash)>? _active;

    public async Task<IReadOnlyList<EmbedToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.EmbedTokens.AsNoTracking().ToListAsync(cancellationToken);
        return [.. entries.Select(ToToken).OrderByDescending(t => t.CreatedAt)];
    }

    public async Task<CreatedEmbedToken> CreateAsync(string name, IEnumerable<EmbedScope> scopes, DateTimeOffset? expiresAt, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var scopeList = scopes.Distinct().Order().ToList();
        if (scopeList.Count == 0)
        {
            throw new ArgumentException("A token needs at least one scope.", nameof(scopes));
        }

        var value = EmbedTokenSecret.Create();
        var entry = new EmbedTokenEntry
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Hash = EmbedTokenSecret.Hash(value),
            Scopes = EmbedScopes.Join(scopeList),
            CreatedBy = createdBy,
            CreatedAtUnixMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpiresAtUnixMs = expiresAt?.ToUnixTimeMilliseconds(),
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.EmbedTokens.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }

        _active = null;
        Log.Created(logger, entry.Name, entry.Scopes, createdBy);
        return new CreatedEmbedToken(ToToken(entry), value);
    }

    /// <summary>Revokes a token at once: the next request with it is refused.</summary>
    public async Task<bool> RevokeAsync(Guid id, string revokedBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.EmbedTokens.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null || entry.RevokedAtUnixMs is not null)
        {
            return false;
        }

        entry.RevokedAtUnixMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        _active = null;
        Log.Revoked(logger, entry.Name, revokedBy);
        return true;
    }

    /// <summary>The active token whose value is <paramref name="value"/>, or null; records its use.</summary>
    public async Task<EmbedToken?> ValidateAsync(string? value, CancellationToken cancellationToken)
    {
        if (!EmbedTokenSecret.LooksValid(value))
        {
            return null;
        }

        var presented = EmbedTokenSecret.Hash(value!);
        var active = await ActiveAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        EmbedToken? match = null;

        // Every stored hash is compared, in constant time, so timing does not narrow a guess down.
        foreach (var (token, hash) in active)
        {
            if (EmbedTokenSecret.Matches(hash, presented))
            {
                match = token;
            }
        }

        if (match is null || !match.IsActiveAt(now))
        {
            return null;
        }

        _lastUsed[match.Id] = now;
        if (!_lastWritten.TryGetValue(match.Id, out var written) || now - written >= LastUsedWriteInterval)
        {
            _lastWritten[match.Id] = now;
            await WriteLastUsedAsync(match.Id, now, cancellationToken);
        }

        return match;
    }

    private async Task WriteLastUsedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.EmbedTokens.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LastUsedAtUnixMs, at.ToUnixTimeMilliseconds()), cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            // A busy database must not turn a valid token away; the next write is a minute later.
            Log.LastUsedWriteFailed(logger, ex);
        }
    }

    private async ValueTask<ImmutableArray<(EmbedToken Token, byte[] Hash)>> ActiveAsync(CancellationToken cancellationToken)
    {
        if (_active is { } cached)
        {
            return cached;
        }

        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            if (_active is { } loaded)
            {
                return loaded;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entries = await db.EmbedTokens.AsNoTracking().Where(e => e.RevokedAtUnixMs == null).ToListAsync(cancellationToken);
            var active = entries.Select(e => (ToToken(e), e.Hash)).ToImmutableArray();
            _active = active;
            return active;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    public void Dispose() => _loadLock.Dispose();

    private EmbedToken ToToken(EmbedTokenEntry e)
    {
        var persisted = e.LastUsedAtUnixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var lastUsed = _lastUsed.TryGetValue(e.Id, out var inMemory) && (persisted is null || inMemory > persisted) ? inMemory : persisted;
        return new EmbedToken
        {
            Id = e.Id,
            Name = e.Name,
            Scopes = [.. EmbedScopes.Split(e.Scopes)],
            CreatedBy = e.CreatedBy,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtUnixMs),
            ExpiresAt = e.ExpiresAtUnixMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
            LastUsedAt = lastUsed,
            RevokedAt = e.RevokedAtUnixMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(12001, LogLevel.Information, "Embed token '{Name}' created by {CreatedBy} for {Scopes}.")]
        public static partial void Created(ILogger logger, string name, string scopes, string createdBy);

        [LoggerMessage(12002, LogLevel.Information, "Embed token '{Name}' revoked by {RevokedBy}.")]
        public static partial void Revoked(ILogger logger, string name, string revokedBy);

        [LoggerMessage(12003, LogLevel.Warning, "Could not record an embed token's last use.")]
        public static partial void LastUsedWriteFailed(ILogger logger, Exception exception);
    }
}
