using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Tests.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Embed;

/// <summary>Embed tokens on a real, migrated SQLite file.</summary>
public sealed class EmbedTokenStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Create_StoresOnlyTheHash()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);

        var created = await store.CreateAsync("homepage", [EmbedScope.Cluster], null, "admin", Ct);

        await using var context = await db.Contexts.CreateDbContextAsync(Ct);
        var entry = await context.EmbedTokens.SingleAsync(Ct);
        Assert.Equal(EmbedTokenSecret.Hash(created.Value), entry.Hash);
        Assert.DoesNotContain(created.Value, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(db.FilePath, Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CreatedToken_ReturnsItWithItsScopes()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);
        var created = await store.CreateAsync("homepage", [EmbedScope.Vpn, EmbedScope.HomepageApi], null, "admin", Ct);

        var token = await store.ValidateAsync(created.Value, Ct);

        Assert.NotNull(token);
        Assert.Equal([EmbedScope.Vpn, EmbedScope.HomepageApi], token.Scopes);
    }

    [Fact]
    public async Task Validate_WrongValue_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);
        await store.CreateAsync("homepage", [EmbedScope.Cluster], null, "admin", Ct);

        Assert.Null(await store.ValidateAsync(EmbedTokenSecret.Create(), Ct));
        Assert.Null(await store.ValidateAsync("not a token", Ct));
    }

    [Fact]
    public async Task Validate_RevokedToken_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);
        var created = await store.CreateAsync("homepage", [EmbedScope.Cluster], null, "admin", Ct);
        Assert.NotNull(await store.ValidateAsync(created.Value, Ct));

        Assert.True(await store.RevokeAsync(created.Token.Id, "admin", Ct));

        Assert.Null(await store.ValidateAsync(created.Value, Ct));
    }

    [Fact]
    public async Task Validate_AfterExpiry_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);
        var created = await store.CreateAsync("homepage", [EmbedScope.Cluster], _time.GetUtcNow().AddDays(1), "admin", Ct);
        Assert.NotNull(await store.ValidateAsync(created.Value, Ct));

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Null(await store.ValidateAsync(created.Value, Ct));
    }

    [Fact]
    public async Task Validate_ManyUsesWithinAMinute_WritesLastUsedOnce()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        using var store = new EmbedTokenStore(db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance);
        var created = await store.CreateAsync("homepage", [EmbedScope.Cluster], null, "admin", Ct);
        var first = _time.GetUtcNow();

        await store.ValidateAsync(created.Value, Ct);
        _time.Advance(TimeSpan.FromSeconds(30));
        await store.ValidateAsync(created.Value, Ct);

        Assert.Equal(first.ToUnixTimeMilliseconds(), await db.ScalarAsync("SELECT LastUsedAtUnixMs FROM embed_tokens"));
        Assert.Equal(first.AddSeconds(30), (await store.ListAsync(Ct)).Single().LastUsedAt);

        _time.Advance(TimeSpan.FromSeconds(31));
        await store.ValidateAsync(created.Value, Ct);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), await db.ScalarAsync("SELECT LastUsedAtUnixMs FROM embed_tokens"));
    }
}
