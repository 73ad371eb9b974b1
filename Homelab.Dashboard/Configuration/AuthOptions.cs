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

    /// <summary>
    /// ForwardAuth: the addresses (IPs or CIDRs, IPv4 or IPv6) of the proxies whose <c>Remote-*</c> headers are
    /// believed. Compared with the TCP peer, never with <c>X-Forwarded-For</c>.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>ForwardAuth and Oidc: group (or role claim value) → viewer, operator or admin. Names match case-insensitively.</summary>
    public Dictionary<string, string> GroupRoles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>ForwardAuth and Oidc: the role of a signed-in person none of whose groups is in <see cref="GroupRoles"/>.</summary>
    public string DefaultRole { get; set; } = "viewer";

    public ForwardAuthOptions ForwardAuth { get; set; } = new();

    public LocalAuthOptions Local { get; set; } = new();

    public OidcAuthOptions Oidc { get; set; } = new();
}

/// <summary>The headers a forward-auth proxy sets (<c>Homelab:Auth:ForwardAuth</c>); Authelia's names by default.</summary>
public sealed class ForwardAuthOptions
{
    public string UserHeader { get; set; } = "Remote-User";

    /// <summary>Comma-separated group names.</summary>
    public string GroupsHeader { get; set; } = "Remote-Groups";

    public string NameHeader { get; set; } = "Remote-Name";

    public string EmailHeader { get; set; } = "Remote-Email";
}

/// <summary>Accounts kept by the dashboard (<c>Homelab:Auth:Local</c>).</summary>
public sealed class LocalAuthOptions
{
    /// <summary>Created at start-up only while no account exists; safe to remove once it has been.</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();

    /// <summary>Wrong passwords (or codes) in a row before an account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without use; each visit slides it forward.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>The first admin account (<c>Homelab:Auth:Local:InitialAdmin</c>).</summary>
public sealed class InitialAdminOptions
{
    public string? Username { get; set; }

    /// <summary>Never logged. Change it after the first sign-in.</summary>
    public string? Password { get; set; }
}

/// <summary>An OpenID Connect provider (<c>Homelab:Auth:Oidc</c>).</summary>
public sealed class OidcAuthOptions
{
    /// <summary>The issuer, e.g. https://auth.example.com (its /.well-known/openid-configuration is read).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Never logged or shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>; <c>profile email groups</c> when empty.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The claim that carries groups or roles, mapped through <see cref="AuthOptions.GroupRoles"/>.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>The claim used as the user name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Whether the provider's metadata must come over HTTPS; turn off only for a provider on localhost.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The scopes actually requested.</summary>
    internal IReadOnlyList<string> EffectiveScopes =>
        ["openid", .. (Scopes.Count == 0 ? ["profile", "email", "groups"] : Scopes).Where(s => s != "openid").Distinct(StringComparer.Ordinal)];
}
