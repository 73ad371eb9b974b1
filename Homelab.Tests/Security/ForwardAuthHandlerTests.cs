using System.Net;
using System.Text.Encodings.Web;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Security;
using Homelab.Domain.Actions;
using Homelab.Tests.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Homelab.Tests.Security;

public sealed class ForwardAuthHandlerTests
{
    private readonly HomelabOptions _options = new()
    {
        Auth = new AuthOptions
        {
            Mode = AuthMode.ForwardAuth,
            TrustedProxies = ["10.0.0.0/24"],
            GroupRoles = new(StringComparer.OrdinalIgnoreCase) { ["admins"] = "admin", ["homelab-ops"] = "operator" },
        },
    };

    private async Task<(AuthenticateResult Result, DefaultHttpContext Http, ForwardAuthHandler Handler)> AuthenticateAsync(string peer, Dictionary<string, string> headers)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        foreach (var (name, value) in headers)
        {
            http.Request.Headers[name] = value;
        }

        var handler = new ForwardAuthHandler(new SchemeOptions(), new StaticOptionsMonitor(_options), NullLoggerFactory.Instance, UrlEncoder.Default);
        await handler.InitializeAsync(new AuthenticationScheme(ForwardAuthHandler.SchemeName, null, typeof(ForwardAuthHandler)), http);
        return (await handler.AuthenticateAsync(), http, handler);
    }

    [Fact]
    public async Task Authenticate_TrustedProxy_SignsInWithMappedRolesNameAndEmail()
    {
        var (result, _, _) = await AuthenticateAsync("10.0.0.2", new()
        {
            ["Remote-User"] = "alice",
            ["Remote-Groups"] = "users, homelab-ops",
            ["Remote-Name"] = "Alice Liddell",
            ["Remote-Email"] = "alice@example.com",
        });

        Assert.True(result.Succeeded);
        var actor = HomelabPrincipal.ToActor(result.Principal, ActionVia.Ui);
        Assert.Equal("alice", actor.Name);
        Assert.Equal([HomelabRoles.Operator], RolesOf(result.Principal));
        Assert.Equal("Alice Liddell", HomelabPrincipal.DisplayName(result.Principal!));
        Assert.Equal("alice@example.com", result.Principal!.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value);
    }

    [Fact]
    public async Task Authenticate_UntrustedPeerWithSpoofedRemoteUser_StaysAnonymous()
    {
        var (result, _, _) = await AuthenticateAsync("192.168.1.50", new()
        {
            ["Remote-User"] = "admin",
            ["Remote-Groups"] = "admins",
            ["X-Forwarded-For"] = "10.0.0.2",
        });

        Assert.False(result.Succeeded);
        Assert.True(result.None);
    }

    [Fact]
    public async Task Authenticate_Ipv4MappedPeerInsideTrustedCidr_SignsIn()
    {
        var (result, _, _) = await AuthenticateAsync("::ffff:10.0.0.9", new() { ["Remote-User"] = "bob", ["Remote-Groups"] = "admins" });

        Assert.True(result.Succeeded);
        Assert.Equal([HomelabRoles.Admin], RolesOf(result.Principal));
    }

    [Fact]
    public async Task Authenticate_NoMappedGroup_GetsTheDefaultRole()
    {
        var (result, _, _) = await AuthenticateAsync("10.0.0.2", new() { ["Remote-User"] = "carol", ["Remote-Groups"] = "admin, family" });

        Assert.Equal([HomelabRoles.Viewer], RolesOf(result.Principal));
    }

    [Fact]
    public async Task Authenticate_TrustedProxyWithoutRemoteUser_StaysAnonymous()
    {
        var (result, _, _) = await AuthenticateAsync("10.0.0.2", new() { ["Remote-Groups"] = "admins" });

        Assert.True(result.None);
    }

    [Fact]
    public async Task Authenticate_ConfiguredHeaderNames_AreTheOnesRead()
    {
        _options.Auth.ForwardAuth.UserHeader = "X-Authentik-Username";
        _options.Auth.ForwardAuth.GroupsHeader = "X-Authentik-Groups";

        var (renamed, _, _) = await AuthenticateAsync("10.0.0.2", new() { ["X-Authentik-Username"] = "dave", ["X-Authentik-Groups"] = "admins" });
        var (old, _, _) = await AuthenticateAsync("10.0.0.2", new() { ["Remote-User"] = "dave" });

        Assert.Equal("dave", renamed.Principal!.Identity!.Name);
        Assert.Equal([HomelabRoles.Admin], RolesOf(renamed.Principal));
        Assert.True(old.None);
    }

    [Fact]
    public async Task Challenge_Browser_Gets401WithASignInThroughYourProxyPage()
    {
        var (_, http, handler) = await AuthenticateAsync("192.168.1.50", new() { ["Accept"] = "text/html" });
        http.Response.Body = new MemoryStream();

        await handler.ChallengeAsync(new AuthenticationProperties());

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        Assert.Contains("Sign in through your proxy", await new StreamReader(http.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static string[] RolesOf(System.Security.Claims.ClaimsPrincipal? principal) => [.. HomelabPrincipal.ToActor(principal, ActionVia.Ui).Roles];

    private sealed class SchemeOptions : IOptionsMonitor<AuthenticationSchemeOptions>
    {
        public AuthenticationSchemeOptions CurrentValue { get; } = new();

        public AuthenticationSchemeOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<AuthenticationSchemeOptions, string?> listener) => null;
    }
}
