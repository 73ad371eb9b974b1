using System.Security.Cryptography.X509Certificates;

namespace Homelab.Dashboard.Configuration;

/// <summary>How the Proxmox adapter decides whether to trust the server's certificate.</summary>
internal abstract record ProxmoxTrust
{
    /// <summary>The operating system's trust store (a certificate from a public CA or your own installed CA).</summary>
    public sealed record System : ProxmoxTrust;

    /// <summary>Only a certificate signed by this CA (Proxmox's <c>pve-root-ca.pem</c>).</summary>
    public sealed record CustomCa(X509Certificate2 Authority) : ProxmoxTrust;

    /// <summary>Only a leaf certificate with this SHA-256 fingerprint (upper-case hex, no colons).</summary>
    public sealed record Fingerprint(string Sha256) : ProxmoxTrust;

    /// <summary>Any certificate (explicit opt-in only).</summary>
    public sealed record Insecure : ProxmoxTrust;
}

/// <summary>Everything needed to talk to one Proxmox API.</summary>
/// <remarks><see cref="TokenSecret"/> is a secret: never log this record.</remarks>
internal sealed record ProxmoxConnection(Uri BaseUrl, string TokenId, string TokenSecret, ProxmoxTrust Trust, bool Simulated)
{
    /// <summary>Leaves the secret out, in case the record is ever printed.</summary>
    public override string ToString() => $"ProxmoxConnection {{ BaseUrl = {BaseUrl}, TokenId = {TokenId}, Trust = {Trust.GetType().Name}, Simulated = {Simulated} }}";
}

/// <summary>Everything needed to talk to one Docker Engine.</summary>
internal sealed record DockerConnection(string Name, DockerEndpoint Endpoint, bool Simulated);

/// <summary>Everything needed to talk to one qBittorrent WebUI.</summary>
/// <remarks><see cref="Password"/> and <see cref="ApiKey"/> are secrets: never log this record.</remarks>
internal sealed record QBittorrentConnection(Uri BaseUrl, string? Username, string? Password, string? ApiKey, bool Simulated)
{
    public override string ToString() => $"QBittorrentConnection {{ BaseUrl = {BaseUrl}, Username = {Username}, Simulated = {Simulated} }}";
}

/// <summary>Everything needed to talk to one gluetun control server.</summary>
/// <remarks><see cref="ApiKey"/> is a secret: never log this record.</remarks>
internal sealed record GluetunConnection(Uri BaseUrl, string? ApiKey, bool Simulated)
{
    public override string ToString() => $"GluetunConnection {{ BaseUrl = {BaseUrl}, Simulated = {Simulated} }}";
}

/// <summary>The Ollama server the agent talks to, and the models it uses there.</summary>
/// <param name="FastModel">A small model for quick jobs (titles); null to use <paramref name="ChatModel"/> for everything.</param>
internal sealed record OllamaConnection(Uri Url, string ChatModel, string? FastModel, bool Simulated);

/// <summary>The sources the dashboard reads, after the simulator has filled in the unconfigured ones.</summary>
internal sealed record ResolvedSources(
    ProxmoxConnection? Proxmox,
    IReadOnlyList<DockerConnection> Docker,
    QBittorrentConnection? QBittorrent = null,
    GluetunConnection? Gluetun = null,
    OllamaConnection? Ollama = null);
