using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Homelab.Dashboard.Security.Local;

/// <summary>
/// The sign-in of one open page in Local mode. A page keeps the user it was opened with, and the cookie check that ends
/// a reset, demoted or deleted account's session runs only on HTTP requests, which an open page no longer makes. So
/// this state listens to the accounts and, when its own account changes, checks the page's stamp the same way; once
/// the stamp is out of date the page is signed out at once: its buttons, the agent's approvals and the action path
/// all see nobody.
/// </summary>
internal sealed partial class LocalSessionState : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly AuthenticationState s_signedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly LocalAccounts _accounts;
    private readonly ILogger<LocalSessionState> _logger;

    public LocalSessionState(LocalAccounts accounts, ILogger<LocalSessionState> logger)
    {
        _accounts = accounts;
        _logger = logger;
        accounts.AccountChanged += OnAccountChanged;
    }

    /// <summary>The check <see cref="OnAccountChanged"/> starts; exposed so tests can await it.</summary>
    internal Task Revalidation { get; private set; } = Task.CompletedTask;

    public void Dispose() => _accounts.AccountChanged -= OnAccountChanged;

    private void OnAccountChanged(string userName) => Revalidation = RevalidateAsync(userName);

    private async Task RevalidateAsync(string userName)
    {
        ClaimsPrincipal user;
        try
        {
            user = (await GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // No state yet: a request scope that never signed anybody in has nothing to end.
            return;
        }

        if (!string.Equals(user.Identity?.Name, userName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        bool stands;
        try
        {
            stands = await LocalCookie.StillStandsAsync(_accounts, user, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The account did change; when it cannot be read, ending the session is the safe side.
            LogCheckFailed(_logger, ex, userName);
            stands = false;
        }

        if (!stands)
        {
            SetAuthenticationState(Task.FromResult(s_signedOut));
            LogSignedOut(_logger, userName);
        }
    }

    [LoggerMessage(5206, LogLevel.Information, "The account {UserName} changed; its open page was signed out.")]
    private static partial void LogSignedOut(ILogger logger, string userName);

    [LoggerMessage(5207, LogLevel.Warning, "The account {UserName} changed and could not be read again; its open page was signed out.")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string userName);
}
