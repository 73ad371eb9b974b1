using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Security;

/// <summary>The sign-in mode the authentication schemes were built for at start-up (changing it needs a restart).</summary>
internal sealed record SignInMode(AuthMode Mode)
{
    /// <summary>Whether people hold a sign-in cookie that signing out removes (Local, Oidc).</summary>
    public bool UsesCookie => Mode is AuthMode.Local or AuthMode.Oidc;
}
