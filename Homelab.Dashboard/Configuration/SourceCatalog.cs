using System.Security.Cryptography.X509Certificates;
using Homelab.Dashboard.Simulator;
using Homelab.Dashboard.Simulator.Ollama;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Configuration;

/// <summary>
/// Turns configuration plus the running simulator into the concrete list of sources: configured ones as given,
/// unconfigured ones pointed at the simulator in demo mode.
/// </summary>
/// <remarks>Call <see cref="Resolve"/> only after the simulator has started (its ports may be dynamic).</remarks>
internal sealed class SourceCatalog(IOptions<HomelabOptions> options, SimulatorHost simulator)
{
    /// <summary>The Docker host the simulator plays: LXC 200 of the seed homelab.</summary>
    public const string SimulatedDockerHost = "docker-server";

    public ResolvedSources Resolve()
    {
        var settings = options.Value;
        var endpoints = simulator.Endpoints;
        ProxmoxConnection? proxmox = null;
        if (settings.Proxmox.IsConfigured)
        {
            var p = settings.Proxmox;
            proxmox = new ProxmoxConnection(new Uri(p.Url!), p.TokenId!, p.TokenSecret!, TrustFor(p), Simulated: false);
        }
        else if (endpoints?.ProxmoxUrl is { } url)
        {
            // The TLS-pinning path runs in demo too: the simulator's self-signed certificate is trusted by fingerprint only.
            proxmox = new ProxmoxConnection(url, settings.Simulator.ProxmoxTokenId, settings.Simulator.ProxmoxTokenSecret, new ProxmoxTrust.Fingerprint(endpoints.ProxmoxFingerprint!), Simulated: true);
        }

        var docker = new List<DockerConnection>();
        foreach (var host in settings.Docker.Hosts)
        {
            docker.Add(new DockerConnection(host.Name!, DockerEndpoint.Parse(host.Endpoint!), Simulated: false));
        }

        if (docker.Count == 0 && endpoints?.DockerUrl is { } dockerUrl)
        {
            docker.Add(new DockerConnection(SimulatedDockerHost, DockerEndpoint.Parse(dockerUrl.ToString()), Simulated: true));
        }

        QBittorrentConnection? qbittorrent = null;
        if (settings.QBittorrent.IsConfigured)
        {
            var q = settings.QBittorrent;
            qbittorrent = new QBittorrentConnection(new Uri(q.Url!), Blank(q.Username), Blank(q.Password), Blank(q.ApiKey), Simulated: false);
        }
        else if (endpoints?.QBittorrentUrl is { } qbittorrentUrl)
        {
            qbittorrent = new QBittorrentConnection(qbittorrentUrl, settings.Simulator.QBittorrentUsername, settings.Simulator.QBittorrentPassword, ApiKey: null, Simulated: true);
        }

        GluetunConnection? gluetun = null;
        if (settings.Gluetun.IsConfigured)
        {
            gluetun = new GluetunConnection(new Uri(settings.Gluetun.Url!), Blank(settings.Gluetun.ApiKey), Simulated: false);
        }
        else if (endpoints?.GluetunUrl is { } gluetunUrl)
        {
            gluetun = new GluetunConnection(gluetunUrl, settings.Simulator.GluetunApiKey, Simulated: true);
        }

        OllamaConnection? ollama = null;
        if (settings.Ollama.IsConfigured)
        {
            var o = settings.Ollama;
            ollama = new OllamaConnection(new Uri(o.Url!), o.ChatModel, Blank(o.FastModel), Simulated: false);
        }
        else if (endpoints?.OllamaUrl is { } ollamaUrl)
        {
            // The simulated AIServer has the seed's small model pulled, so quick jobs get it unless told otherwise.
            ollama = new OllamaConnection(ollamaUrl, settings.Ollama.ChatModel, Blank(settings.Ollama.FastModel) ?? OllamaSimCatalog.FastModel, Simulated: true);
        }

        return new ResolvedSources(proxmox, docker, qbittorrent, gluetun, ollama);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ProxmoxTrust TrustFor(ProxmoxOptions proxmox)
    {
        if (proxmox.InsecureSkipTlsVerify)
        {
            return new ProxmoxTrust.Insecure();
        }

        if (CertificateFingerprint.Normalize(proxmox.CertificateFingerprint) is { } fingerprint)
        {
            return new ProxmoxTrust.Fingerprint(fingerprint);
        }

        if (!string.IsNullOrWhiteSpace(proxmox.CaCertificatePath))
        {
            var text = File.ReadAllText(proxmox.CaCertificatePath);
            var authority = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificateFromFile(proxmox.CaCertificatePath);
            return new ProxmoxTrust.CustomCa(authority);
        }

        return new ProxmoxTrust.System();
    }
}
