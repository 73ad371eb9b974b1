using Homelab.Dashboard.Embed;
using Homelab.Dashboard.Embed.Tokens;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Homelab.Dashboard.Components.Pages.Settings;

/// <summary>Admins create and revoke embed tokens; a new token's value is shown once, with copy-ready URLs and YAML.</summary>
public partial class TokensPage : ComponentBase
{
    private readonly HashSet<EmbedScope> _scopes = [EmbedScope.Cluster, EmbedScope.HomepageApi];
    private IReadOnlyList<EmbedToken> _tokens = [];
    private string _name = "homepage";
    private int _expiresInDays;
    private CreatedEmbedToken? _created;
    private string? _error;
    private bool _busy;

    [Inject]
    internal EmbedTokenStore Store { get; init; } = default!;

    [Inject]
    internal TimeProvider TimeProvider { get; init; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; init; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private Uri BaseUri => new(Navigation.BaseUri);

    protected override async Task OnInitializedAsync() => _tokens = await Store.ListAsync(CancellationToken.None);

    private void Toggle(EmbedScope scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        _error = null;
        if (string.IsNullOrWhiteSpace(_name))
        {
            _error = "Give the token a name, so you know later where it is used.";
            return;
        }

        if (_scopes.Count == 0)
        {
            _error = "Pick at least one scope.";
            return;
        }

        _busy = true;
        try
        {
            var expires = _expiresInDays > 0 ? Now.AddDays(_expiresInDays) : (DateTimeOffset?)null;
            _created = await Store.CreateAsync(_name, _scopes, expires, await ActorAsync(), CancellationToken.None);
            _tokens = await Store.ListAsync(CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(EmbedToken token)
    {
        _busy = true;
        try
        {
            await Store.RevokeAsync(token.Id, await ActorAsync(), CancellationToken.None);
            if (_created?.Token.Id == token.Id)
            {
                _created = null;
            }

            _tokens = await Store.ListAsync(CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string> ActorAsync() =>
        AuthenticationState is null ? "unknown" : (await AuthenticationState).User.Identity?.Name ?? "unknown";
}
