using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Configuration;

/// <summary>Checks the whole <c>Homelab</c> section and reports every problem at once, so one start-up shows them all.</summary>
/// <param name="shapeErrors">Unknown keys and unconvertible values found before binding.</param>
internal sealed partial class ValidateHomelabOptions(IReadOnlyList<string> shapeErrors) : IValidateOptions<HomelabOptions>
{
    public ValidateHomelabOptions()
        : this([])
    {
    }

    public ValidateOptionsResult Validate(string? name, HomelabOptions options)
    {
        var errors = new List<string>(shapeErrors);
        ValidateProxmox(options.Proxmox, errors);
        ValidateDocker(options.Docker, errors);
        ValidateQBittorrent(options.QBittorrent, errors);
        ValidateGluetun(options.Gluetun, errors);
        ValidateOllama(options.Ollama, errors);
        ValidateAgent(options.Agent, errors);
        ValidateTraces(options.Traces, errors);
        ValidateSimulator(options, errors);
        ValidateDatabase(options.Database, errors);
        ValidateActions(options.Actions, errors);
        ValidateAuth(options.Auth, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateProxmox(ProxmoxOptions proxmox, List<string> errors)
    {
        const string Prefix = "Homelab:Proxmox";
        var hasCredentials = !string.IsNullOrWhiteSpace(proxmox.TokenId) || !string.IsNullOrWhiteSpace(proxmox.TokenSecret);
        if (!proxmox.IsConfigured)
        {
            if (hasCredentials)
            {
                errors.Add($"{Prefix}:Url is required when a token is set (for example https://pve.lan:8006).");
            }

            return;
        }

        if (!Uri.TryCreate(proxmox.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{Prefix}:Url must be an absolute https:// URL (Proxmox only speaks HTTPS), got '{proxmox.Url}'.");
        }

        if (string.IsNullOrWhiteSpace(proxmox.TokenId))
        {
            errors.Add($"{Prefix}:TokenId is required, in the form user@realm!tokenname (for example dash@pve!ro).");
        }
        else if (!TokenIdPattern().IsMatch(proxmox.TokenId))
        {
            errors.Add($"{Prefix}:TokenId must look like user@realm!tokenname, got '{proxmox.TokenId}'.");
        }

        if (string.IsNullOrWhiteSpace(proxmox.TokenSecret))
        {
            errors.Add($"{Prefix}:TokenSecret is required (the UUID Proxmox showed when the token was created).");
        }

        var trustModes = (string.IsNullOrWhiteSpace(proxmox.CaCertificatePath) ? 0 : 1)
            + (string.IsNullOrWhiteSpace(proxmox.CertificateFingerprint) ? 0 : 1)
            + (proxmox.InsecureSkipTlsVerify ? 1 : 0);
        if (trustModes > 1)
        {
            errors.Add($"{Prefix}: choose one of CaCertificatePath, CertificateFingerprint or InsecureSkipTlsVerify.");
        }

        if (!string.IsNullOrWhiteSpace(proxmox.CaCertificatePath) && !File.Exists(proxmox.CaCertificatePath))
        {
            errors.Add($"{Prefix}:CaCertificatePath '{proxmox.CaCertificatePath}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(proxmox.CertificateFingerprint) && CertificateFingerprint.Normalize(proxmox.CertificateFingerprint) is null)
        {
            errors.Add($"{Prefix}:CertificateFingerprint must be a SHA-256 fingerprint: 64 hex digits, colons allowed.");
        }

        ValidateInterval($"{Prefix}:PollInterval", proxmox.PollInterval, TimeSpan.FromSeconds(1), errors);
        ValidateInterval($"{Prefix}:DetailsInterval", proxmox.DetailsInterval, TimeSpan.FromSeconds(10), errors);
        ValidateInterval($"{Prefix}:RequestTimeout", proxmox.RequestTimeout, TimeSpan.FromSeconds(5), errors);
    }

    private static void ValidateDocker(DockerOptions docker, List<string> errors)
    {
        const string Prefix = "Homelab:Docker";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < docker.Hosts.Count; i++)
        {
            var host = docker.Hosts[i];
            var at = $"{Prefix}:Hosts:{i}";
            if (string.IsNullOrWhiteSpace(host.Name))
            {
                errors.Add($"{at}:Name is required (for example docker-server).");
            }
            else if (!HostNamePattern().IsMatch(host.Name))
            {
                errors.Add($"{at}:Name '{host.Name}' may only hold letters, digits, '.', '_' and '-'.");
            }
            else if (!names.Add(host.Name))
            {
                errors.Add($"{at}:Name '{host.Name}' is used by another host.");
            }

            if (string.IsNullOrWhiteSpace(host.Endpoint))
            {
                errors.Add($"{at}:Endpoint is required: unix:///var/run/docker.sock or tcp://host:2375.");
            }
            else if (!DockerEndpoint.TryParse(host.Endpoint, out _, out var why))
            {
                errors.Add($"{at}:Endpoint '{host.Endpoint}' {why}");
            }
        }

        if (docker.IsConfigured)
        {
            ValidateInterval($"{Prefix}:PollInterval", docker.PollInterval, TimeSpan.FromSeconds(1), errors);
            ValidateInterval($"{Prefix}:RequestTimeout", docker.RequestTimeout, TimeSpan.FromSeconds(2), errors);
        }

        if (docker.StatsConcurrency is < 1 or > 64)
        {
            errors.Add($"{Prefix}:StatsConcurrency must be between 1 and 64.");
        }
    }

    private static void ValidateQBittorrent(QBittorrentOptions qbittorrent, List<string> errors)
    {
        const string Prefix = "Homelab:QBittorrent";
        var hasCredentials = !string.IsNullOrWhiteSpace(qbittorrent.Username) || !string.IsNullOrWhiteSpace(qbittorrent.Password) || !string.IsNullOrWhiteSpace(qbittorrent.ApiKey);
        if (!qbittorrent.IsConfigured)
        {
            if (hasCredentials)
            {
                errors.Add($"{Prefix}:Url is required when credentials are set (for example http://gluetun:8080).");
            }

            return;
        }

        ValidateHttpUrl($"{Prefix}:Url", qbittorrent.Url, errors);
        var hasUser = !string.IsNullOrWhiteSpace(qbittorrent.Username);
        var hasPassword = !string.IsNullOrEmpty(qbittorrent.Password);
        if (hasUser != hasPassword)
        {
            errors.Add($"{Prefix}: Username and Password go together; set both (or neither, if qBittorrent skips authentication for this address).");
        }

        if (!string.IsNullOrWhiteSpace(qbittorrent.ApiKey) && hasUser)
        {
            errors.Add($"{Prefix}: choose ApiKey (qBittorrent 5.2+) or Username and Password, not both.");
        }

        ValidateInterval($"{Prefix}:PollInterval", qbittorrent.PollInterval, TimeSpan.FromMilliseconds(500), errors);
        ValidateInterval($"{Prefix}:RequestTimeout", qbittorrent.RequestTimeout, TimeSpan.FromSeconds(2), errors);
    }

    private static void ValidateGluetun(GluetunOptions gluetun, List<string> errors)
    {
        const string Prefix = "Homelab:Gluetun";
        if (!gluetun.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(gluetun.ApiKey))
            {
                errors.Add($"{Prefix}:Url is required when ApiKey is set (for example http://gluetun:8000).");
            }

            return;
        }

        ValidateHttpUrl($"{Prefix}:Url", gluetun.Url, errors);
        ValidateInterval($"{Prefix}:PollInterval", gluetun.PollInterval, TimeSpan.FromSeconds(1), errors);
        ValidateInterval($"{Prefix}:RequestTimeout", gluetun.RequestTimeout, TimeSpan.FromSeconds(1), errors);
    }

    private static void ValidateOllama(OllamaOptions ollama, List<string> errors)
    {
        const string Prefix = "Homelab:Ollama";
        if (ollama.IsConfigured)
        {
            ValidateHttpUrl($"{Prefix}:Url", ollama.Url, errors);
        }

        if (string.IsNullOrWhiteSpace(ollama.ChatModel))
        {
            errors.Add($"{Prefix}:ChatModel is required (for example qwen3.5:35b-a3b).");
        }

        if (ollama.FastModel is { } fast && string.IsNullOrWhiteSpace(fast))
        {
            errors.Add($"{Prefix}:FastModel must be a model name or left out.");
        }

        if (ollama.ContextSize is < 2_048 or > 1_048_576)
        {
            errors.Add($"{Prefix}:ContextSize must be between 2048 and 1048576 tokens, got {ollama.ContextSize}.");
        }

        if (ollama.KeepAlive < TimeSpan.Zero || ollama.KeepAlive > TimeSpan.FromDays(1))
        {
            errors.Add($"{Prefix}:KeepAlive must be between 0 and 1 day, got {ollama.KeepAlive}.");
        }

        ValidateInterval($"{Prefix}:FirstByteTimeout", ollama.FirstByteTimeout, TimeSpan.FromSeconds(5), errors);
        ValidateInterval($"{Prefix}:IdleTimeout", ollama.IdleTimeout, TimeSpan.FromSeconds(5), errors);
    }

    private static void ValidateAgent(AgentOptions agent, List<string> errors)
    {
        const string Prefix = "Homelab:Agent";
        if (agent.MaxToolRounds is < 1 or > 20)
        {
            errors.Add($"{Prefix}:MaxToolRounds must be between 1 and 20, got {agent.MaxToolRounds}.");
        }

        if (agent.MaxIdenticalCalls is < 1 or > 10)
        {
            errors.Add($"{Prefix}:MaxIdenticalCalls must be between 1 and 10, got {agent.MaxIdenticalCalls}.");
        }

        if (agent.ToolResultLimit is < 500 or > 100_000)
        {
            errors.Add($"{Prefix}:ToolResultLimit must be between 500 and 100000 characters, got {agent.ToolResultLimit}.");
        }

        for (var i = 0; i < agent.ApiKeys.Count; i++)
        {
            var key = agent.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{Prefix}:ApiKeys:{i}:Name is required (who holds the key, e.g. discord-bot).");
            }

            if (key.Sha256 is null || !Sha256Pattern().IsMatch(key.Sha256))
            {
                errors.Add($"{Prefix}:ApiKeys:{i}:Sha256 must be the key's SHA-256 as 64 hex digits (printf %s \"$KEY\" | sha256sum), not the key.");
            }

            if (Homelab.Domain.Actions.HomelabRoles.Normalize(key.Role) is not ("viewer" or "operator"))
            {
                errors.Add($"{Prefix}:ApiKeys:{i}:Role must be viewer or operator, got '{key.Role}'.");
            }
        }

        foreach (var (name, i) in agent.ApiKeys.Select((k, i) => (k.Name, i)).Where(p => !string.IsNullOrWhiteSpace(p.Name)).GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.First()))
        {
            errors.Add($"{Prefix}:ApiKeys:{i}:Name '{name}' is used by more than one key.");
        }

        if (agent.ApiAllowedTools.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{Prefix}:ApiAllowedTools must list tool names (empty entries found).");
        }
    }

    private static void ValidateTraces(TracesOptions traces, List<string> errors)
    {
        if (traces.Retention < TimeSpan.FromHours(1) || traces.Retention > TimeSpan.FromDays(3650))
        {
            errors.Add($"Homelab:Traces:Retention must be between 1 hour and 10 years, got {traces.Retention}.");
        }
    }

    private static void ValidateHttpUrl(string key, string? value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{key} must be an absolute http:// or https:// URL, got '{value}'.");
        }
    }

    private static void ValidateSimulator(HomelabOptions options, List<string> errors)
    {
        if (!options.IsDemo)
        {
            return;
        }

        const string Prefix = "Homelab:Simulator";
        var simulator = options.Simulator;
        if (!System.Net.IPAddress.TryParse(simulator.BindAddress, out var address))
        {
            errors.Add($"{Prefix}:BindAddress must be an IP address, got '{simulator.BindAddress}'.");
        }
        else if (!System.Net.IPAddress.IsLoopback(address))
        {
            errors.Add($"{Prefix}:BindAddress must be a loopback address; the simulator is not meant to be reachable from the network.");
        }

        var ports = new[] { ("ProxmoxPort", simulator.ProxmoxPort), ("DockerPort", simulator.DockerPort), ("QBittorrentPort", simulator.QBittorrentPort), ("GluetunPort", simulator.GluetunPort), ("OllamaPort", simulator.OllamaPort) };
        foreach (var (key, port) in ports)
        {
            if (port is < 0 or > 65535)
            {
                errors.Add($"{Prefix}:{key} must be between 0 and 65535, got {port}.");
            }
        }

        foreach (var clash in ports.Where(p => p.Item2 != 0).GroupBy(p => p.Item2).Where(g => g.Count() > 1))
        {
            errors.Add($"{Prefix}: {string.Join(" and ", clash.Select(p => p.Item1))} must differ (all are {clash.Key}).");
        }

        if (TorrentClientVersionPattern().IsMatch(simulator.QBittorrentVersion) is false)
        {
            errors.Add($"{Prefix}:QBittorrentVersion must be a qBittorrent version from 4.5 to 5.2, such as 4.6.7 or 5.0.4, got '{simulator.QBittorrentVersion}'.");
        }

        if (simulator.ExtraTorrents is < 0 or > 100_000)
        {
            errors.Add($"{Prefix}:ExtraTorrents must be between 0 and 100000.");
        }

        if (simulator.OllamaTokenDelay < TimeSpan.Zero || simulator.OllamaTokenDelay > TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}:OllamaTokenDelay must be between 0 and 1 s, got {simulator.OllamaTokenDelay}.");
        }

        if (simulator.DelayScale is <= 0 or > 10 || double.IsNaN(simulator.DelayScale))
        {
            errors.Add($"{Prefix}:DelayScale must be above 0 and at most 10.");
        }
    }

    private static void ValidateDatabase(DatabaseOptions database, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(database.Path))
        {
            errors.Add("Homelab:Database:Path is required (for example data/homelab.db).");
        }
    }

    private static void ValidateActions(ActionOptions actions, List<string> errors)
    {
        ValidateInterval("Homelab:Actions:Timeout", actions.Timeout, TimeSpan.FromSeconds(5), errors);
        if (actions.PollInterval <= TimeSpan.Zero || actions.PollInterval > actions.Timeout)
        {
            errors.Add("Homelab:Actions:PollInterval must be positive and shorter than Homelab:Actions:Timeout.");
        }
    }

    private static void ValidateInterval(string key, TimeSpan value, TimeSpan minimum, List<string> errors)
    {
        if (value < minimum || value > TimeSpan.FromHours(1))
        {
            errors.Add($"{key} must be between {minimum.TotalSeconds:0.#} s and 1 h, got {value}.");
        }
    }

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^[^@!\s]+@[^@!\s]+![A-Za-z][A-Za-z0-9._-]*$")]
    private static partial Regex TokenIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex HostNamePattern();

    [GeneratedRegex(@"^(4\.[5-6]|5\.[0-2])\.\d+$")]
    private static partial Regex TorrentClientVersionPattern();
}
