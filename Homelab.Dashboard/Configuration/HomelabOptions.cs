namespace Homelab.Dashboard.Configuration;

/// <summary>
/// The <c>Homelab</c> configuration section: which upstreams are real, whether the simulator runs, and where data lives.
/// </summary>
/// <remarks>Validated once at start-up by <see cref="ValidateHomelabOptions"/>; don't set values after that.</remarks>
public sealed class HomelabOptions
{
    public const string SectionName = "Homelab";

    /// <summary>
    /// Simulate every source that is not configured. Defaults to on when no source is configured, so a bare
    /// <c>dotnet run</c> shows a living homelab.
    /// </summary>
    public bool? Demo { get; set; }

    public ProxmoxOptions Proxmox { get; set; } = new();

    public DockerOptions Docker { get; set; } = new();

    public QBittorrentOptions QBittorrent { get; set; } = new();

    public GluetunOptions Gluetun { get; set; } = new();

    public OllamaOptions Ollama { get; set; } = new();

    public AgentOptions Agent { get; set; } = new();

    public TracesOptions Traces { get; set; } = new();

    public SimulatorOptions Simulator { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    public ActionOptions Actions { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    /// <summary>Which sites may frame the read-only embeds.</summary>
    public Embed.EmbedOptions Embed { get; set; } = new();

    /// <summary>Whether the simulator fills in the unconfigured sources.</summary>
    public bool IsDemo => Demo ?? (!Proxmox.IsConfigured && !Docker.IsConfigured && !QBittorrent.IsConfigured && !Gluetun.IsConfigured && !Ollama.IsConfigured);
}

/// <summary>A Proxmox VE cluster, reached through an API token.</summary>
public sealed class ProxmoxOptions
{
    /// <summary>Base URL of any cluster node, e.g. <c>https://pve.lan:8006</c>.</summary>
    public string? Url { get; set; }

    /// <summary><c>user@realm!tokenname</c>, e.g. <c>dash@pve!ro</c>.</summary>
    public string? TokenId { get; set; }

    /// <summary>The token's secret (a UUID). Never logged, never sent to a browser.</summary>
    public string? TokenSecret { get; set; }

    /// <summary>PEM file of the CA that signed the node certificates (<c>/etc/pve/pve-root-ca.pem</c>).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>SHA-256 fingerprint of the node's leaf certificate, hex with or without colons.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>Accept any certificate. Only for a lab you fully trust; off by default.</summary>
    public bool InsecureSkipTlsVerify { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often node details (CPU model, versions) and the hour of history are re-read.</summary>
    public TimeSpan DetailsInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-request timeout. Above 5 s because Proxmox delays every failed login by 3 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>Docker Engine hosts.</summary>
public sealed class DockerOptions
{
    public List<DockerHostOptions> Hosts { get; set; } = [];

    /// <summary>How often the container list and stats are re-read; events arrive at once in between.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many stats calls run at once per host.</summary>
    public int StatsConcurrency { get; set; } = 8;

    public bool IsConfigured => Hosts.Count > 0;
}

/// <summary>One Docker Engine.</summary>
public sealed class DockerHostOptions
{
    /// <summary>Display name and id, e.g. <c>docker-server</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c> (a socket proxy) or <c>http(s)://host:port</c>.</summary>
    public string? Endpoint { get; set; }
}

/// <summary>A qBittorrent instance (4.5 to 5.2), through its WebUI API.</summary>
public sealed class QBittorrentOptions
{
    /// <summary>The WebUI address, e.g. <c>http://gluetun:8080</c>.</summary>
    public string? Url { get; set; }

    public string? Username { get; set; }

    /// <summary>Never logged, never sent to a browser.</summary>
    public string? Password { get; set; }

    /// <summary>A WebUI API key (qBittorrent 5.2+), used instead of a username and password.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How often <c>sync/maindata</c> is read; about once a second keeps progress live.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>The gluetun VPN container's control server.</summary>
public sealed class GluetunOptions
{
    /// <summary>The control server, e.g. <c>http://gluetun:8000</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The control server's API key (<c>X-API-Key</c>). Never logged, never sent to a browser.</summary>
    public string? ApiKey { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>The Ollama server the agent talks to.</summary>
public sealed class OllamaOptions
{
    /// <summary>The server, e.g. <c>http://aiserver:11434</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The model that runs the agent's tool loop (the seed's eval-proven <c>qwen3.5:35b-a3b</c>).</summary>
    public string ChatModel { get; set; } = "qwen3.5:35b-a3b";

    /// <summary>An optional small model for quick jobs such as titling a conversation (e.g. <c>qwen3.5:4b</c>).</summary>
    public string? FastModel { get; set; }

    /// <summary><c>num_ctx</c>, sent with every call: Ollama's small default is mostly filled by the tool schemas.</summary>
    public int ContextSize { get; set; } = 16_384;

    /// <summary>How long Ollama keeps the model loaded after a call.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to wait for the first byte: loading a cold model takes tens of seconds.</summary>
    public TimeSpan FirstByteTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a stream may stay silent between two lines before the call is given up.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>The agent's loop guards and who may call it from outside the browser.</summary>
public sealed class AgentOptions
{
    /// <summary>Tool rounds per turn before the model is asked for a summary instead (the seed's 6).</summary>
    public int MaxToolRounds { get; set; } = 6;

    /// <summary>A call repeated with identical arguments more often than this ends the loop (the seed's 2).</summary>
    public int MaxIdenticalCalls { get; set; } = 2;

    /// <summary>Tool results are cut to this many characters, with a note saying how much was cut.</summary>
    public int ToolResultLimit { get; set; } = 4_000;

    /// <summary>Keys for <c>/api/ai/agent</c>, stored as SHA-256 hashes only.</summary>
    public List<AgentApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>State-changing tools an API caller may run without a human approving in the UI (none by default).</summary>
    public List<string> ApiAllowedTools { get; set; } = [];
}

/// <summary>One API key for the agent's HTTP API.</summary>
public sealed class AgentApiKeyOptions
{
    /// <summary>Who holds it, e.g. <c>discord-bot</c>; written to the audit log as the caller.</summary>
    public string? Name { get; set; }

    /// <summary>The key's SHA-256, hex (<c>printf %s "$KEY" | sha256sum</c>). The key itself is never stored.</summary>
    public string? Sha256 { get; set; }

    /// <summary>
    /// What the caller may do: viewer (ask, never act) or operator (its allowed tools may act). Operator by default,
    /// because a key is only useful to a bot that acts; the tools it may run unattended are still listed separately.
    /// </summary>
    public string Role { get; set; } = "operator";
}

/// <summary>The record of every model call.</summary>
public sealed class TracesOptions
{
    /// <summary>How long traces are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>The built-in simulator that stands in for unconfigured sources in demo mode.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback address the simulated upstreams listen on.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>HTTPS port of the simulated Proxmox API (0 picks a free port).</summary>
    public int ProxmoxPort { get; set; } = 18006;

    /// <summary>HTTP port of the simulated Docker Engine API (0 picks a free port).</summary>
    public int DockerPort { get; set; } = 12375;

    /// <summary>Port of the simulated qBittorrent WebUI API (0 picks a free port).</summary>
    public int QBittorrentPort { get; set; } = 18080;

    /// <summary>Port of the simulated gluetun control server (0 picks a free port).</summary>
    public int GluetunPort { get; set; } = 18000;

    /// <summary>Port of the simulated Ollama API (0 picks a free port); one above Ollama's own 11434.</summary>
    public int OllamaPort { get; set; } = 11435;

    /// <summary>How long the simulated model takes per streamed token.</summary>
    public TimeSpan OllamaTokenDelay { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>The qBittorrent version the simulator plays: 4.x answers in 4.x style, 5.x in 5.x style.</summary>
    public string QBittorrentVersion { get; set; } = "5.0.4";

    /// <summary>The simulated qBittorrent's login (documented, loopback only).</summary>
    public string QBittorrentUsername { get; set; } = "admin";

    public string QBittorrentPassword { get; set; } = "homelab-demo";

    /// <summary>The WebUI API key the simulated qBittorrent accepts as a Bearer token when it plays 5.2 or later (documented, loopback only).</summary>
    public string QBittorrentApiKey { get; set; } = "qbt_homelabdemo0123456789abcdefghijk";

    /// <summary>The simulated gluetun's control-server key (documented, loopback only).</summary>
    public string GluetunApiKey { get; set; } = "homelab-demo-vpn-key";

    /// <summary>Extra synthetic torrents beside the seed homelab's own (for load tests); 0 for none.</summary>
    public int ExtraTorrents { get; set; }

    /// <summary>Seed for the simulator's randomness; fixed for repeatable demos and tests.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>Scales how long simulated power actions and container stops take (1 = realistic).</summary>
    public double DelayScale { get; set; } = 1.0;

    /// <summary>How long the simulated Proxmox delays a failed login, as pveproxy does.</summary>
    public TimeSpan AuthFailureDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The API token the simulated Proxmox accepts (documented, loopback only).</summary>
    public string ProxmoxTokenId { get; set; } = "root@pam!homelab-demo";

    public string ProxmoxTokenSecret { get; set; } = "5e1b2f7a-demo-4c8e-9d3a-homelab00001";
}

/// <summary>Where the dashboard keeps its own data (audit log, later traces and more).</summary>
public sealed class DatabaseOptions
{
    /// <summary>SQLite file path, relative to the working directory unless absolute.</summary>
    public string Path { get; set; } = "data/homelab.db";
}

/// <summary>How actions behave.</summary>
public sealed class ActionOptions
{
    /// <summary>How long to wait for a target to reach its end state before reporting that it did not.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the end state is checked while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuse every action (a look-but-don't-touch dashboard).</summary>
    public bool ReadOnly { get; set; }
}
