using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Homelab.Dashboard.Simulator;

/// <summary>
/// The simulated Proxmox node's self-signed certificate, like a fresh Proxmox install has. It is kept next to the
/// database so its fingerprint stays the same across restarts (a pinned fingerprint keeps working).
/// </summary>
internal static class SimulatorCertificate
{
    private static readonly TimeSpan s_validity = TimeSpan.FromDays(730);

    public static X509Certificate2 LoadOrCreate(string? path, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        if (path is not null && File.Exists(path))
        {
            try
            {
                var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
                if (existing.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(7) && existing.HasPrivateKey)
                {
                    return existing;
                }

                existing.Dispose();
            }
            catch (CryptographicException)
            {
                // Unreadable file: make a new one below.
            }
        }

        var pfx = Create(now);
        if (path is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllBytes(path, pfx);
            }
            catch (IOException)
            {
                // A read-only data folder only costs a new fingerprint at the next start.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return X509CertificateLoader.LoadPkcs12(pfx, password: null);
    }

    /// <summary>SHA-256 of the certificate, upper-case hex without separators.</summary>
    public static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private static byte[] Create(DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MediaServer, OU=PVE Cluster Node, O=Proxmox Virtual Environment", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("MediaServer");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.Add(s_validity));
        return certificate.Export(X509ContentType.Pfx);
    }
}
