using Homelab.Tests.Integration;

namespace Homelab.Tests.Security;

/// <summary>ForwardAuth where the only trusted proxy is an address the tests never come from: 127.0.0.1 is untrusted.</summary>
public sealed class UntrustedForwardAuthAppFactory : HomelabAppFactory
{
    public UntrustedForwardAuthAppFactory()
    {
        Settings["Homelab:Auth:Mode"] = "ForwardAuth";
        Settings["Homelab:Auth:TrustedProxies:0"] = "10.255.255.1";
        Settings["Homelab:Auth:GroupRoles:admins"] = "admin";
    }
}

/// <summary>ForwardAuth with the tests' own loopback address as the trusted proxy.</summary>
public sealed class TrustedForwardAuthAppFactory : HomelabAppFactory
{
    public TrustedForwardAuthAppFactory()
    {
        Settings["Homelab:Auth:Mode"] = "ForwardAuth";
        Settings["Homelab:Auth:TrustedProxies:0"] = "127.0.0.0/8";
        Settings["Homelab:Auth:TrustedProxies:1"] = "::1";
        Settings["Homelab:Auth:GroupRoles:admins"] = "admin";
        Settings["Homelab:Auth:GroupRoles:homelab-ops"] = "operator";
    }
}

/// <summary>Local accounts, starting with the admin <see cref="Admin"/> from InitialAdmin.</summary>
public class LocalAuthAppFactory : HomelabAppFactory
{
    public const string Admin = "root";

    public const string AdminPassword = "a long initial password";

    public LocalAuthAppFactory()
    {
        Settings["Homelab:Auth:Mode"] = "Local";
        Settings["Homelab:Auth:Local:InitialAdmin:Username"] = Admin;
        Settings["Homelab:Auth:Local:InitialAdmin:Password"] = AdminPassword;
    }
}
