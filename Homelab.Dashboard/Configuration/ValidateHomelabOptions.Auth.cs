using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Configuration;

internal sealed partial class ValidateHomelabOptions
{
    /// <summary>Shortest password accepted for a local account, the initial admin's included.</summary>
    public const int MinimumPasswordLength = 12;

    private static void ValidateAuth(AuthOptions auth, List<string> errors)
    {
        const string Prefix = "Homelab:Auth";
        if (!Enum.IsDefined(auth.Mode))
        {
            errors.Add($"{Prefix}:Mode must be None, ForwardAuth, Local or Oidc.");
        }

        switch (auth.Mode)
        {
            case AuthMode.None:
                if (string.IsNullOrWhiteSpace(auth.DemoUser))
                {
                    errors.Add($"{Prefix}:DemoUser must not be empty.");
                }

                if (HomelabRoles.Normalize(auth.DemoRole) is null)
                {
                    errors.Add($"{Prefix}:DemoRole must be viewer, operator or admin, got '{auth.DemoRole}'.");
                }

                break;
            case AuthMode.ForwardAuth:
                ValidateGroupRoles(auth, errors);
                ValidateForwardAuth(auth, errors);
                break;
            case AuthMode.Local:
                ValidateLocal(auth.Local, errors);
                break;
            case AuthMode.Oidc:
                ValidateGroupRoles(auth, errors);
                ValidateOidc(auth.Oidc, errors);
                break;
        }
    }

    private static void ValidateGroupRoles(AuthOptions auth, List<string> errors)
    {
        const string Prefix = "Homelab:Auth";
        if (HomelabRoles.Normalize(auth.DefaultRole) is null)
        {
            errors.Add($"{Prefix}:DefaultRole must be viewer, operator or admin, got '{auth.DefaultRole}'.");
        }

        foreach (var (group, role) in auth.GroupRoles)
        {
            if (HomelabRoles.Normalize(role) is null)
            {
                errors.Add($"{Prefix}:GroupRoles:{group} must be viewer, operator or admin, got '{role}'.");
            }
        }
    }

    private static void ValidateForwardAuth(AuthOptions auth, List<string> errors)
    {
        const string Prefix = "Homelab:Auth";
        if (auth.TrustedProxies.Count == 0)
        {
            errors.Add($"{Prefix}:TrustedProxies is required in ForwardAuth mode: list the address (or CIDR) of the proxy that signs people in; the Remote-User header is believed from nowhere else.");
        }

        for (var i = 0; i < auth.TrustedProxies.Count; i++)
        {
            if (!ProxyNetworks.TryParse(auth.TrustedProxies[i], out _))
            {
                errors.Add($"{Prefix}:TrustedProxies:{i} must be an IP address or a CIDR range (10.0.0.5, 10.0.0.0/24, fd00::/8), got '{auth.TrustedProxies[i]}'.");
            }
        }

        var headers = auth.ForwardAuth;
        foreach (var (key, value) in new[] { ("UserHeader", headers.UserHeader), ("GroupsHeader", headers.GroupsHeader), ("NameHeader", headers.NameHeader), ("EmailHeader", headers.EmailHeader) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{Prefix}:ForwardAuth:{key} must not be empty.");
            }
        }
    }

    private static void ValidateLocal(LocalAuthOptions local, List<string> errors)
    {
        const string Prefix = "Homelab:Auth:Local";
        if (local.MaxFailedAttempts < 1)
        {
            errors.Add($"{Prefix}:MaxFailedAttempts must be at least 1, got {local.MaxFailedAttempts}.");
        }

        if (local.LockoutDuration <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:LockoutDuration must be positive, got {local.LockoutDuration}.");
        }

        if (local.SessionIdleTimeout < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{Prefix}:SessionIdleTimeout must be at least a minute, got {local.SessionIdleTimeout}.");
        }

        var admin = local.InitialAdmin;
        var hasUser = !string.IsNullOrWhiteSpace(admin.Username);
        var hasPassword = !string.IsNullOrEmpty(admin.Password);
        if (hasUser != hasPassword)
        {
            errors.Add($"{Prefix}:InitialAdmin needs both Username and Password (or neither).");
        }
        else if (hasPassword && admin.Password!.Length < MinimumPasswordLength)
        {
            // The password itself is never repeated in an error.
            errors.Add($"{Prefix}:InitialAdmin:Password must be at least {MinimumPasswordLength} characters.");
        }
    }

    private static void ValidateOidc(OidcAuthOptions oidc, List<string> errors)
    {
        const string Prefix = "Homelab:Auth:Oidc";
        if (string.IsNullOrWhiteSpace(oidc.Authority))
        {
            errors.Add($"{Prefix}:Authority is required in Oidc mode (the issuer URL, e.g. https://auth.example.com).");
        }
        else if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && !oidc.RequireHttpsMetadata)))
        {
            errors.Add($"{Prefix}:Authority must be an absolute https:// URL (http:// only with RequireHttpsMetadata false), got '{oidc.Authority}'.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            errors.Add($"{Prefix}:ClientId is required in Oidc mode.");
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
        {
            errors.Add($"{Prefix}:ClientSecret is required in Oidc mode.");
        }

        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
        {
            errors.Add($"{Prefix}:RoleClaim must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(oidc.NameClaim))
        {
            errors.Add($"{Prefix}:NameClaim must not be empty.");
        }
    }
}
