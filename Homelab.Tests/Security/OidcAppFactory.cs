using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Homelab.Tests.Integration;
using Microsoft.AspNetCore.Hosting;

namespace Homelab.Tests.Security;

/// <summary>
/// Oidc mode against a <see cref="FakeOidcProvider"/> started first, so its address is known before the dashboard
/// reads its configuration. The dashboard listens over HTTPS with a self-signed certificate: ASP.NET marks the
/// correlation and nonce cookies of the sign-in Secure, and a browser (like CookieContainer) only sends those back
/// over HTTPS. The provider itself stays on plain loopback HTTP, allowed by RequireHttpsMetadata false.
/// </summary>
public sealed class OidcAppFactory : HomelabAppFactory
{
    private readonly X509Certificate2 _certificate = SelfSignedLoopbackCertificate();

    public static readonly FakeOidcUser Admin = new("sub-ada", "ada", "Ada Admin", "homelab-admins");

    public static readonly FakeOidcUser Guest = new("sub-gus", "gus", "Gus Guest", "family");

    public static readonly FakeOidcUser Forger = new("sub-fay", "fay", "Fay Forger", "homelab-admins", IdTokenFlaw.SignedByAnotherKey);

    public static readonly FakeOidcUser Replayer = new("sub-ray", "ray", "Ray Replayer", "homelab-admins", IdTokenFlaw.WrongNonce);

    public FakeOidcProvider Provider { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Provider = await FakeOidcProvider.StartAsync(Admin, Guest, Forger, Replayer);
        Settings["Homelab:Auth:Mode"] = "Oidc";
        Settings["Homelab:Auth:Oidc:Authority"] = Provider.Issuer;
        Settings["Homelab:Auth:Oidc:ClientId"] = FakeOidcProvider.ClientId;
        Settings["Homelab:Auth:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret;
        Settings["Homelab:Auth:Oidc:RequireHttpsMetadata"] = "false";
        Settings["Homelab:Auth:GroupRoles:homelab-admins"] = "admin";
        Settings["Homelab:Auth:DefaultRole"] = "viewer";
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        StartServer();
    }

    /// <summary>A browser that trusts exactly this dashboard's certificate, keeps cookies and follows no redirects itself.</summary>
    public HttpClient Browser(CookieContainer cookies) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = cookies,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        _certificate.Dispose();
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel on Linux needs the key in an exportable, loaded form: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
