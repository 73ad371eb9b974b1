using Homelab.Dashboard.Embed.Views;
using Homelab.Domain.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Homelab.Dashboard.Embed;

/// <summary>Renders one embed view of a snapshot to an HTML string, with no circuit and no browser.</summary>
internal sealed class EmbedFragmentRenderer : IAsyncDisposable
{
    // The renderer resolves scoped services (its activity source), so it lives in a scope of its own for the app's life.
    private readonly AsyncServiceScope _scope;
    private readonly HtmlRenderer _renderer;

    public EmbedFragmentRenderer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
    {
        _scope = scopes.CreateAsyncScope();
        _renderer = new HtmlRenderer(_scope.ServiceProvider, loggerFactory);
    }

    public Task<string> RenderAsync(EmbedScope view, HomelabSnapshot snapshot, DateTimeOffset now)
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Snapshot"] = snapshot, ["Now"] = now });
        var type = view switch
        {
            EmbedScope.Cluster => typeof(ClusterEmbed),
            EmbedScope.Containers => typeof(ContainersEmbed),
            EmbedScope.Torrents => typeof(TorrentsEmbed),
            EmbedScope.Vpn => typeof(VpnEmbed),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Not an embed view."),
        };
        return _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync(type, parameters);
            return output.ToHtmlString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
