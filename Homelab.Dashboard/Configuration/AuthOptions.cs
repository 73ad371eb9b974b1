namespace Homelab.Dashboard.Configuration;

/// <summary>How people prove who they are.</summary>
public enum AuthMode
{
    /// <summary>No sign-in: everyone is the demo user. Meant for demo mode.</summary>
    None,

    /// <summary>A reverse proxy (Authelia, Authentik, oauth2-proxy) signs people in and passes <c>Remote-User</c>.</summary>
    ForwardAuth,

    /// <summary>Accounts kept by the dashboard itself.</summary>
    Local,

    /// <summary>An OpenID Connect provider.</summary>
    Oidc,
}

/// <summary>Sign-in and roles (<c>Homelab:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>How people sign in; None (everyone is <see cref="DemoUser"/>) by default.</summary>
    public AuthMode Mode { get; set; } = AuthMode.None;

    /// <summary>Who everyone is when <see cref="Mode"/> is None, as shown in the app bar and the audit log.</summary>
    public string DemoUser { get; set; } = "demo";

    /// <summary>The role everyone has when <see cref="Mode"/> is None: viewer, operator or admin.</summary>
    public string DemoRole { get; set; } = "admin";
}
