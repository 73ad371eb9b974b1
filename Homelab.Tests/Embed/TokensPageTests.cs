using Bunit;
using Homelab.Dashboard.Components.Pages.Settings;
using Homelab.Dashboard.Embed.Tokens;
using Homelab.Tests.Dashboard.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Homelab.Tests.Embed;

/// <summary>The admin page for embed tokens, on a real SQLite file.</summary>
public sealed class TokensPageTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(EmbedTestData.Now);
    private TestDatabase? _db;

    private EmbedTokenStore Store => Services.GetRequiredService<EmbedTokenStore>();

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(startWriter: false);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton(new EmbedTokenStore(_db.Contexts, _time, NullLogger<EmbedTokenStore>.Instance));
    }

    [Fact]
    public async Task Create_ShowsTheValueOnceWithYamlAndListsTheToken()
    {
        var cut = Render<TokensPage>();

        cut.Find("[data-testid=token-create]").Click();

        cut.WaitForElement("[data-testid=token-created]");
        var value = cut.Find("input[data-testid=token-value], [data-testid=token-value] input").GetAttribute("value")!;
        Assert.StartsWith(EmbedTokenSecret.Prefix, value, StringComparison.Ordinal);
        Assert.Contains($"X-API-Key: {value}", cut.Markup);
        Assert.Contains($"/embed/cluster?token={value}", cut.Markup);
        Assert.NotNull(await Store.ValidateAsync(value, CancellationToken.None));
        Assert.Contains("active", cut.Find("[data-testid=token-row-homepage]").TextContent);
    }

    [Fact]
    public async Task Revoke_TokenStopsWorkingAndRowSaysRevoked()
    {
        var created = await Store.CreateAsync("homepage", [Homelab.Dashboard.Embed.EmbedScope.Cluster], null, "admin", CancellationToken.None);
        var cut = Render<TokensPage>();

        cut.Find("[data-testid=token-row-homepage] [data-testid=token-revoke]").Click();

        cut.WaitForAssertion(() => Assert.Contains("revoked", cut.Find("[data-testid=token-row-homepage]").TextContent));
        Assert.Null(await Store.ValidateAsync(created.Value, CancellationToken.None));
    }

    // Re-implemented so the database goes after the renderer; BunitContext.DisposeAsync is not virtual.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
