using System.Security.Claims;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;

namespace Homelab.Tests.Security;

public sealed class OidcPrincipalTests
{
    private readonly AuthOptions _auth = new()
    {
        Mode = AuthMode.Oidc,
        GroupRoles = new(StringComparer.OrdinalIgnoreCase) { ["admins"] = "admin", ["homelab-ops"] = "operator" },
    };

    private static ClaimsPrincipal External(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void From_GroupClaims_MapThroughGroupRoles()
    {
        var principal = OidcPrincipal.From(External(("sub", "123"), ("preferred_username", "alice"), ("groups", "users"), ("groups", "homelab-ops"), ("name", "Alice"), ("email", "a@example.com")), _auth, "Cookies");

        Assert.Equal("alice", principal.Identity!.Name);
        Assert.Equal([HomelabRoles.Operator], ForwardAuthHandlerTests.RolesOf(principal));
        Assert.Equal("Alice", HomelabPrincipal.DisplayName(principal));
    }

    [Fact]
    public void From_GroupsAsAJsonArray_AreSplit()
    {
        var principal = OidcPrincipal.From(External(("preferred_username", "bob"), ("groups", "[\"family\",\"Admins\"]")), _auth, "Cookies");

        Assert.Equal([HomelabRoles.Admin], ForwardAuthHandlerTests.RolesOf(principal));
    }

    [Fact]
    public void From_NoMappedGroup_GetsTheDefaultRole()
    {
        _auth.DefaultRole = "operator";

        var principal = OidcPrincipal.From(External(("sub", "42"), ("groups", "admin")), _auth, "Cookies");

        Assert.Equal("42", principal.Identity!.Name);
        Assert.Equal([HomelabRoles.Operator], ForwardAuthHandlerTests.RolesOf(principal));
    }

    [Fact]
    public void From_ConfiguredRoleClaim_IsTheOneRead()
    {
        _auth.Oidc.RoleClaim = "roles";

        var principal = OidcPrincipal.From(External(("sub", "7"), ("groups", "admins"), ("roles", "homelab-ops")), _auth, "Cookies");

        Assert.Equal([HomelabRoles.Operator], ForwardAuthHandlerTests.RolesOf(principal));
    }
}
