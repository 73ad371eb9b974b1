using System.ComponentModel.DataAnnotations;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Dashboard.Security.Local;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Pages;

/// <summary>
/// The Local-mode sign-in form, rendered as static SSR: a plain form post, with the antiforgery token Blazor adds to
/// every <c>EditForm</c>, that sets the sign-in cookie and redirects back.
/// </summary>
public partial class SignInPage : ComponentBase
{
    private bool _failed;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromForm]
    public SignInInput Input { get; set; } = null!;

    /// <summary>Where to go after signing in; only a path on this site is followed.</summary>
    [SupplyParameterFromQuery]
    public string? ReturnUrl { get; set; }

    [Inject]
    internal LocalAccounts Accounts { get; init; } = null!;

    [Inject]
    internal SignInMode Mode { get; init; } = null!;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private bool LocalMode => Mode.Mode == AuthMode.Local;

    private string ElsewhereText => Mode.Mode switch
    {
        AuthMode.ForwardAuth => "sign in through your reverse proxy (for example Authelia), then open the dashboard through it.",
        AuthMode.Oidc => "it signs you in through your identity provider when you open it.",
        _ => "it runs in demo mode, where everyone is the demo user.",
    };

    protected override void OnInitialized() => Input ??= new SignInInput();

    private async Task SignInAsync()
    {
        if (HttpContext is null)
        {
            return;
        }

        var signIn = await Accounts.SignInAsync(Input.UserName ?? "", Input.Password ?? "", Input.Code, HttpContext.RequestAborted);
        if (signIn is null)
        {
            _failed = true;
            return;
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            LocalCookie.Principal(signIn),
            new AuthenticationProperties { IsPersistent = true });
        Navigation.NavigateTo(LocalPath(ReturnUrl), forceLoad: true);
    }

    /// <summary><paramref name="returnUrl"/> when it is a path on this site; "/" otherwise (no open redirect).</summary>
    internal static string LocalPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";

    /// <summary>The posted form.</summary>
    public sealed class SignInInput
    {
        [Required]
        public string? UserName { get; set; }

        [Required]
        public string? Password { get; set; }

        public string? Code { get; set; }
    }
}
