using System.Text.Encodings.Web;
using Homelab.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Security;

/// <summary>
/// <c>Homelab:Auth:Mode</c> ForwardAuth: a reverse proxy (Authelia, Authentik, oauth2-proxy) has signed the person in
/// and says who they are in <c>Remote-User</c>/<c>Remote-Groups</c>/<c>Remote-Name</c>/<c>Remote-Email</c>.
/// </summary>
/// <remarks>
/// The headers are believed only when the TCP peer is one of <c>Homelab:Auth:TrustedProxies</c>; anyone can type a
/// header, so from anywhere else they are ignored and the request stays anonymous (fail closed). The peer is the
/// connection's own address, never <c>X-Forwarded-For</c>, which the caller controls too.
/// </remarks>
internal sealed partial class ForwardAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<HomelabOptions> homelab,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ForwardAuth";

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => SignInResponses.ForbidAsync(Response);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var auth = homelab.CurrentValue.Auth;
        var headers = auth.ForwardAuth;
        var user = Request.Headers[headers.UserHeader].ToString().Trim();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var peer = Context.Connection.RemoteIpAddress;
        if (!ProxyNetworks.From(auth.TrustedProxies).Contains(peer))
        {
            LogUntrustedPeer(Logger, headers.UserHeader, peer?.ToString() ?? "unknown");
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var roles = GroupRoleMap.Roles(GroupRoleMap.SplitHeader(Request.Headers[headers.GroupsHeader].ToString()), auth);
        var principal = HomelabPrincipal.Create(
            SchemeName,
            user,
            roles,
            displayName: Request.Headers[headers.NameHeader].ToString(),
            email: Request.Headers[headers.EmailHeader].ToString());
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // Nothing to redirect to: the proxy owns the sign-in. Say so plainly to a browser; a script gets the bare 401.
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (SignInResponses.WantsHtml(Request))
        {
            Response.ContentType = "text/html; charset=utf-8";
            await Response.WriteAsync(SignInResponses.ProxyPage);
        }
    }

    [LoggerMessage(5101, LogLevel.Warning, "Ignored a {Header} header from {Peer}: it is not one of Homelab:Auth:TrustedProxies.")]
    private static partial void LogUntrustedPeer(ILogger logger, string header, string peer);
}
