using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Homelab.Tests.Security;

/// <summary>How the provider spoils the ID token it issues for a user, to prove the dashboard refuses it.</summary>
public enum IdTokenFlaw
{
    None,
    SignedByAnotherKey,
    WrongNonce,
}

/// <summary>Someone the fake provider can sign in: their claims, and whether their ID token is spoiled.</summary>
public sealed record FakeOidcUser(string Subject, string UserName, string Name, string Group, IdTokenFlaw Flaw = IdTokenFlaw.None);

/// <summary>
/// A minimal OpenID provider on a loopback port: discovery, JWKS, an authorize endpoint that answers with a
/// self-posting form (or a redirect), a token endpoint that checks PKCE and the client secret, and userinfo.
/// Who signs in is chosen by the browser's <see cref="UserCookie"/> on the provider, like an existing session there.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "homelab-dashboard";

    public const string ClientSecret = "fake-provider-client-secret";

    /// <summary>The provider-side cookie naming the <see cref="FakeOidcUser.Subject"/> who is "signed in" there.</summary>
    public const string UserCookie = "fake_idp_user";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly RsaSecurityKey _foreignKey = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, FakeOidcUser> _accessTokens = new();
    private readonly Dictionary<string, FakeOidcUser> _users;
    private int _tokensIssued;

    private FakeOidcProvider(IEnumerable<FakeOidcUser> users)
    {
        _users = users.ToDictionary(u => u.Subject, StringComparer.Ordinal);
        // The empty builder reads no appsettings or environment, so nothing of the dashboard's configuration leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        _app.MapGet("/userinfo", UserInfo);
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:40123 (no trailing slash, exactly as the tokens say).</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>How many /token requests were answered with a token: proves the backchannel was really used.</summary>
    public int TokensIssued => _tokensIssued;

    public static async Task<FakeOidcProvider> StartAsync(params FakeOidcUser[] users)
    {
        var provider = new FakeOidcProvider(users);
        await provider._app.StartAsync();
        var address = provider._app.Urls.First();
        provider.Issuer = address.TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
        _foreignKey.Rsa.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["userinfo_endpoint"] = Issuer + "/userinfo",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["state"]))
        {
            return Results.BadRequest("invalid authorization request");
        }

        if (request.Cookies[UserCookie] is not { } subject || !_users.TryGetValue(subject, out var user))
        {
            return Results.BadRequest("nobody is signed in at the fake provider");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(user, q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString());
        var redirectUri = q["redirect_uri"].ToString();
        var state = q["state"].ToString();
        if (q["response_mode"] == "form_post")
        {
            // What a real provider sends: a page whose script posts the form back to the client's redirect URI.
            var html = $"""
                <!DOCTYPE html>
                <html><head><title>Submit</title></head>
                <body onload="document.forms[0].submit()">
                <form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">
                <input type="hidden" name="code" value="{WebUtility.HtmlEncode(code)}" />
                <input type="hidden" name="state" value="{WebUtility.HtmlEncode(state)}" />
                </form></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }

        return Results.Redirect($"{redirectUri}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri || !VerifierMatches(form["code_verifier"].ToString(), grant.CodeChallenge))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = grant.User;
        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(grant),
        });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(header["Bearer ".Length..], out var user))
        {
            return Results.Unauthorized();
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["sub"] = user.Subject,
            ["preferred_username"] = user.UserName,
            ["name"] = user.Name,
            ["groups"] = new[] { user.Group },
        });
    }

    private string IdToken(Grant grant)
    {
        var user = grant.User;
        var now = DateTime.UtcNow;
        var key = user.Flaw == IdTokenFlaw.SignedByAnotherKey ? _foreignKey : _key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user.Subject,
                ["nonce"] = user.Flaw == IdTokenFlaw.WrongNonce ? "not-the-nonce-that-was-asked-for" : grant.Nonce,
                ["preferred_username"] = user.UserName,
                ["name"] = user.Name,
                ["groups"] = new[] { user.Group },
            },
        });
    }

    // OpenIdConnectHandler posts the secret in the form (client_secret_post); accept Basic too, as providers do.
    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static bool VerifierMatches(string verifier, string challenge) =>
        verifier.Length > 0 && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    private sealed record Grant(FakeOidcUser User, string Nonce, string CodeChallenge, string RedirectUri);
}
