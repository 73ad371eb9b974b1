using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>
/// Decides whether to trust the Proxmox server's certificate according to <see cref="ProxmoxTrust"/>, and remembers
/// why it last refused one, so that the failed request can say so.
/// </summary>
/// <remarks>
/// The TLS callback runs on the connection, not on the request, so the finding is handed over through
/// <see cref="LastRefusal"/>. All connections of one client go to the same server, so the latest finding is the one
/// that applies.
/// </remarks>
internal sealed class ProxmoxCertificatePolicy(ProxmoxTrust trust)
{
    private string? _lastRefusal;

    /// <summary>Why the most recent certificate was refused; null once one has been accepted.</summary>
    public string? LastRefusal => Volatile.Read(ref _lastRefusal);

    /// <summary>The <see cref="RemoteCertificateValidationCallback"/> of the handler.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var refusal = Check(certificate, chain, errors);
        Volatile.Write(ref _lastRefusal, refusal);
        return refusal is null;
    }

    /// <summary>Null when the certificate is trusted, otherwise a message people can act on.</summary>
    public string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (trust is ProxmoxTrust.Insecure)
        {
            return null;
        }

        if (certificate is null)
        {
            return "the server presented no certificate";
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var fingerprint = Convert.ToHexString(leaf.GetCertHash(HashAlgorithmName.SHA256));
        return trust switch
        {
            // Chain and name errors are ignored on purpose: the pin is the whole trust decision.
            ProxmoxTrust.Fingerprint pin => CheckPin(fingerprint, CertificateFingerprint.Normalize(pin.Sha256) ?? pin.Sha256),
            ProxmoxTrust.CustomCa ca => CheckAuthority(leaf, fingerprint, ca.Authority, chain),
            _ => errors == SslPolicyErrors.None
                ? null
                : $"certificate SHA-256 {CertificateFingerprint.Format(fingerprint)} ({leaf.Subject}) is not trusted by this machine ({Describe(errors, chain)}); " +
                  "pin it with Homelab:Proxmox:CertificateFingerprint or give the cluster CA (/etc/pve/pve-root-ca.pem) in Homelab:Proxmox:CaCertificatePath",
        };
    }

    private static string? CheckPin(string fingerprint, string pinned) =>
        string.Equals(fingerprint, pinned, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"certificate SHA-256 {CertificateFingerprint.Format(fingerprint)} does not match the pinned fingerprint {CertificateFingerprint.Format(pinned)}; " +
              "if the node's certificate was renewed on purpose, update Homelab:Proxmox:CertificateFingerprint";

    /// <summary>
    /// The chain must lead to the configured CA and nothing else. A name mismatch is tolerated: Proxmox's own CA only
    /// signs its cluster nodes' certificates (CN = node name), so dashboards reach nodes by IP or another name all the time.
    /// </summary>
    private static string? CheckAuthority(X509Certificate2 leaf, string fingerprint, X509Certificate2 authority, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A cluster CA publishes no revocation lists.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Intermediates the server sent along.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        if (chain.Build(leaf))
        {
            return null;
        }

        var problems = string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
        return $"certificate SHA-256 {CertificateFingerprint.Format(fingerprint)} ({leaf.Subject}, issued by {leaf.Issuer}) " +
               $"is not signed by the configured CA {authority.Subject} ({problems}); check Homelab:Proxmox:CaCertificatePath";
    }

    private static string Describe(SslPolicyErrors errors, X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
        return statuses is { Count: > 0 } ? $"{errors}: {string.Join(", ", statuses)}" : errors.ToString();
    }
}
