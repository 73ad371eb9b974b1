using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Homelab.Dashboard.Adapters.Proxmox;
using Homelab.Dashboard.Configuration;

namespace Homelab.Tests.Dashboard.Adapters.Proxmox;

/// <summary>The trust decisions themselves, with certificates made on the spot (a cluster CA and node certificates).</summary>
public sealed class ProxmoxCertificatePolicyTests
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;

    [Fact]
    public void Check_FingerprintMatches_AcceptsDespiteChainAndNameErrors()
    {
        using var leaf = SelfSigned("CN=pve1");
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.Fingerprint(Sha256(leaf)));

        Assert.Null(policy.Check(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Check_FingerprintDiffers_NamesThePresentedFingerprint()
    {
        using var leaf = SelfSigned("CN=pve1");
        var pinned = new string('A', 64);
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.Fingerprint(pinned));

        var refusal = policy.Check(leaf, null, SslPolicyErrors.None);

        Assert.StartsWith($"certificate SHA-256 {CertificateFingerprint.Format(Sha256(leaf))} does not match the pinned fingerprint {CertificateFingerprint.Format(pinned)}", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CustomCaSignedTheLeaf_AcceptsEvenWithANameMismatch()
    {
        using var ca = Authority("CN=Proxmox Virtual Environment, OU=cluster-ca");
        using var leaf = Issue(ca, "CN=pve1");
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.CustomCa(ca));

        Assert.Null(policy.Check(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Check_AnotherCaSignedTheLeaf_Refuses()
    {
        using var ca = Authority("CN=Our cluster CA");
        using var other = Authority("CN=Someone else's CA");
        using var leaf = Issue(other, "CN=pve1");
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.CustomCa(ca));

        var refusal = policy.Check(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors);

        Assert.NotNull(refusal);
        Assert.Contains(CertificateFingerprint.Format(Sha256(leaf)), refusal, StringComparison.Ordinal);
        Assert.Contains("is not signed by the configured CA CN=Our cluster CA", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SystemTrustWithoutErrors_Accepts()
    {
        using var leaf = SelfSigned("CN=pve.example.com");

        Assert.Null(new ProxmoxCertificatePolicy(new ProxmoxTrust.System()).Check(leaf, null, SslPolicyErrors.None));
    }

    [Fact]
    public void Check_SystemTrustWithChainErrors_RefusesAndSuggestsPinning()
    {
        using var leaf = SelfSigned("CN=pve1");

        var refusal = new ProxmoxCertificatePolicy(new ProxmoxTrust.System()).Check(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors);

        Assert.NotNull(refusal);
        Assert.Contains(CertificateFingerprint.Format(Sha256(leaf)), refusal, StringComparison.Ordinal);
        Assert.Contains("Homelab:Proxmox:CertificateFingerprint", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Insecure_AcceptsAnything()
    {
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.Insecure());

        Assert.Null(policy.Check(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Validate_RefusalThenAcceptance_RemembersOnlyTheLatest()
    {
        using var leaf = SelfSigned("CN=pve1");
        using var other = SelfSigned("CN=impostor");
        var policy = new ProxmoxCertificatePolicy(new ProxmoxTrust.Fingerprint(Sha256(leaf)));

        Assert.False(policy.Validate(this, other, null, SslPolicyErrors.None));
        Assert.NotNull(policy.LastRefusal);
        Assert.True(policy.Validate(this, leaf, null, SslPolicyErrors.None));
        Assert.Null(policy.LastRefusal);
    }

    private static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(s_now.AddDays(-1), s_now.AddDays(30));
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return request.CreateSelfSigned(s_now.AddDays(-1), s_now.AddYears(10));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        return request.Create(authority, s_now.AddDays(-1), s_now.AddDays(30), RandomNumberGenerator.GetBytes(8));
    }
}
