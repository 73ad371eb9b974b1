using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;
using Homelab.Tests.Dashboard.Simulator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>The adapter's TLS policy against the simulator's real self-signed certificate.</summary>
public sealed class ProxmoxTlsTests(ProxmoxSimulatorFixture fixture) : IClassFixture<ProxmoxSimulatorFixture>
{
    [Fact]
    public async Task GetClusterAsync_PinnedFingerprintMatches_Works()
    {
        var source = Create(new ProxmoxTrust.Fingerprint(fixture.Simulator.ProxmoxFingerprint));

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
    }

    [Fact]
    public async Task GetClusterAsync_PinnedFingerprintDiffers_IsUntrustedAndNamesThePresentedFingerprint()
    {
        var wrong = Convert.ToHexString(SHA256.HashData("not the simulator"u8));
        var source = Create(new ProxmoxTrust.Fingerprint(wrong));

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UntrustedCertificate, result.Error?.Kind);
        Assert.Contains($"certificate SHA-256 {CertificateFingerprint.Format(fixture.Simulator.ProxmoxFingerprint)} does not match the pinned fingerprint", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClusterAsync_SystemTrustOnASelfSignedCertificate_IsUntrusted()
    {
        var source = Create(new ProxmoxTrust.System());

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UntrustedCertificate, result.Error?.Kind);
        Assert.Contains(CertificateFingerprint.Format(fixture.Simulator.ProxmoxFingerprint), result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("not trusted by this machine", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClusterAsync_Insecure_WorksAndWarnsOnceAtCreation()
    {
        var logs = new TestLoggerProvider();
        using var factory = logs.CreateFactory();
        var source = Create(new ProxmoxTrust.Insecure(), factory);

        var first = await source.GetClusterAsync(TestContext.Current.CancellationToken);
        var second = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.True(first.IsSuccess && second.IsSuccess, $"{first} / {second}");
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("any certificate is accepted", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClusterAsync_CustomCaThatDidNotSignIt_IsUntrusted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Some other cluster CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var otherCa = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var source = Create(new ProxmoxTrust.CustomCa(otherCa));

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.UntrustedCertificate, result.Error?.Kind);
        Assert.Contains("is not signed by the configured CA CN=Some other cluster CA", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClusterAsync_CustomCaIsTheSelfSignedCertificateItself_Works()
    {
        var pfx = Path.Combine(fixture.Simulator.DataDirectory, "simulator-proxmox.pfx");
        using var withKey = X509CertificateLoader.LoadPkcs12FromFile(pfx, password: null);
        using var authority = X509CertificateLoader.LoadCertificate(withKey.RawData);
        var source = Create(new ProxmoxTrust.CustomCa(authority));

        var result = await source.GetClusterAsync(TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccess, result.ToString());
    }

    private IClusterSource Create(ProxmoxTrust trust, ILoggerFactory? loggers = null)
    {
        var simulator = fixture.Simulator;
        var connection = new ProxmoxConnection(simulator.ProxmoxUrl, simulator.TokenId, simulator.TokenSecret, trust, Simulated: true);
        return ProxmoxAdapterFactory.Create(connection, new ProxmoxOptions { RequestTimeout = TimeSpan.FromSeconds(5) }, loggers ?? NullLoggerFactory.Instance, TimeProvider.System);
    }
}
