using Homelab.Dashboard.Configuration;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Security;

public sealed class AuthOptionsValidationTests
{
    private static (IReadOnlyList<string> Errors, HomelabOptions Options) Validate(Dictionary<string, string?> settings) => OptionsValidation.Validate(settings);

    [Fact]
    public void Validate_ForwardAuthWithProxiesAndGroupRoles_IsValidAndBindsTheMap()
    {
        var (errors, options) = Validate(new()
        {
            ["Homelab:Auth:Mode"] = "ForwardAuth",
            ["Homelab:Auth:TrustedProxies:0"] = "172.18.0.0/16",
            ["Homelab:Auth:TrustedProxies:1"] = "10.0.0.5",
            ["Homelab:Auth:GroupRoles:admins"] = "admin",
            ["Homelab:Auth:GroupRoles:homelab-ops"] = "Operator",
            ["Homelab:Auth:DefaultRole"] = "viewer",
            ["Homelab:Auth:ForwardAuth:UserHeader"] = "X-Remote-User",
        });

        Assert.Empty(errors);
        Assert.Equal("admin", options.Auth.GroupRoles["admins"]);
        Assert.Equal("X-Remote-User", options.Auth.ForwardAuth.UserHeader);
        Assert.Equal(2, options.Auth.TrustedProxies.Count);
    }

    [Fact]
    public void Validate_ForwardAuthWithoutTrustedProxies_IsAnError()
    {
        var (errors, _) = Validate(new() { ["Homelab:Auth:Mode"] = "ForwardAuth" });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:TrustedProxies is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ForwardAuthProblems_AreAllListedAtOnce()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Auth:Mode"] = "ForwardAuth",
            ["Homelab:Auth:TrustedProxies:0"] = "10.0.0.0/40",
            ["Homelab:Auth:GroupRoles:admins"] = "superuser",
            ["Homelab:Auth:DefaultRole"] = "guest",
        });

        Assert.Contains(errors, e => e.Contains("TrustedProxies:0", StringComparison.Ordinal) && e.Contains("10.0.0.0/40", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("GroupRoles:admins", StringComparison.Ordinal) && e.Contains("superuser", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("DefaultRole", StringComparison.Ordinal) && e.Contains("guest", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownAuthKey_IsReported()
    {
        var (errors, _) = Validate(new() { ["Homelab:Auth:TrustedProxy:0"] = "10.0.0.1" });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:TrustedProxy: unknown setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OidcWithNothingSet_ListsAuthorityClientIdAndSecret()
    {
        var (errors, _) = Validate(new() { ["Homelab:Auth:Mode"] = "Oidc" });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Oidc:Authority is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Oidc:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Oidc:ClientSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OidcHttpAuthority_IsAnErrorAndNeverEchoesTheSecret()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Auth:Mode"] = "Oidc",
            ["Homelab:Auth:Oidc:Authority"] = "http://auth.lan",
            ["Homelab:Auth:Oidc:ClientId"] = "homelab",
            ["Homelab:Auth:Oidc:ClientSecret"] = "s3cr3t-value",
            ["Homelab:Auth:GroupRoles:admins"] = "root",
        });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Oidc:Authority must be an absolute https:// URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("GroupRoles:admins", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OidcComplete_IsValid()
    {
        var (errors, options) = Validate(new()
        {
            ["Homelab:Auth:Mode"] = "Oidc",
            ["Homelab:Auth:Oidc:Authority"] = "https://auth.example.com",
            ["Homelab:Auth:Oidc:ClientId"] = "homelab",
            ["Homelab:Auth:Oidc:ClientSecret"] = "secret",
        });

        Assert.Empty(errors);
        Assert.Equal(["openid", "profile", "email", "groups"], options.Auth.Oidc.EffectiveScopes);
    }

    [Fact]
    public void Validate_LocalInitialAdminWithShortPassword_IsAnErrorWithoutThePassword()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Auth:Mode"] = "Local",
            ["Homelab:Auth:Local:InitialAdmin:Username"] = "root",
            ["Homelab:Auth:Local:InitialAdmin:Password"] = "hunter2",
            ["Homelab:Auth:Local:MaxFailedAttempts"] = "0",
        });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Local:InitialAdmin:Password must be at least", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Local:MaxFailedAttempts", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LocalInitialAdminWithoutPassword_IsAnError()
    {
        var (errors, _) = Validate(new() { ["Homelab:Auth:Mode"] = "Local", ["Homelab:Auth:Local:InitialAdmin:Username"] = "root" });

        Assert.Contains(errors, e => e.StartsWith("Homelab:Auth:Local:InitialAdmin needs both", StringComparison.Ordinal));
    }
}
