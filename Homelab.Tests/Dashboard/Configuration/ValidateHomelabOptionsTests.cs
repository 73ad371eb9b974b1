using Homelab.Dashboard.Configuration;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Configuration;

public sealed class ValidateHomelabOptionsTests
{
    private static (IReadOnlyList<string> Errors, HomelabOptions Options) Validate(Dictionary<string, string?> settings) => OptionsValidation.Validate(settings);

    [Fact]
    public void Validate_NothingConfigured_IsValidDemo()
    {
        var (errors, options) = Validate([]);

        Assert.Empty(errors);
        Assert.True(options.IsDemo);
    }

    [Fact]
    public void Validate_ProxmoxConfigured_DemoOffByDefault()
    {
        var (errors, options) = Validate(new()
        {
            ["Homelab:Proxmox:Url"] = "https://pve.lan:8006",
            ["Homelab:Proxmox:TokenId"] = "dash@pve!ro",
            ["Homelab:Proxmox:TokenSecret"] = "6f1c0000-0000-0000-0000-000000000000",
        });

        Assert.Empty(errors);
        Assert.False(options.IsDemo);
    }

    [Fact]
    public void Validate_DemoSwitchedOnBesideConfiguredSource_StaysOn()
    {
        var (errors, options) = Validate(new()
        {
            ["Homelab:Demo"] = "true",
            ["Homelab:Docker:Hosts:0:Name"] = "nas",
            ["Homelab:Docker:Hosts:0:Endpoint"] = "tcp://nas.lan:2375",
        });

        Assert.Empty(errors);
        Assert.True(options.IsDemo);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneAtOnce()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Proxmox:Url"] = "http://pve.lan:8006",
            ["Homelab:Proxmox:TokenId"] = "dash",
            ["Homelab:Proxmox:CertificateFingerprint"] = "not-a-fingerprint",
            ["Homelab:Proxmox:PollInterval"] = "soon",
            ["Homelab:Proxmx:Url"] = "typo",
            ["Homelab:Docker:Hosts:0:Name"] = "docker server",
            ["Homelab:Docker:Hosts:0:Endpoint"] = "ftp://x",
            ["Homelab:Docker:Hosts:1:Name"] = "nas",
            ["Homelab:Docker:Hosts:1:Endpoint"] = "tcp://nas.lan",
            ["Homelab:Actions:ReadOnly"] = "maybe",
        });

        Assert.Contains(errors, e => e.Contains("Homelab:Proxmox:Url must be an absolute https://", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Proxmox:TokenId must look like user@realm!tokenname", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Proxmox:TokenSecret is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("CertificateFingerprint must be a SHA-256 fingerprint", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Proxmox:PollInterval: 'soon' is not a valid duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Proxmx: unknown setting", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Docker:Hosts:0:Name 'docker server' may only hold", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Docker:Hosts:0:Endpoint 'ftp://x' has an unsupported scheme", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Docker:Hosts:1:Endpoint 'tcp://nas.lan' needs a port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Homelab:Actions:ReadOnly: 'maybe' is not a valid true/false value", StringComparison.Ordinal));
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public void Validate_TwoTrustModes_AsksToChooseOne()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Proxmox:Url"] = "https://pve.lan:8006",
            ["Homelab:Proxmox:TokenId"] = "dash@pve!ro",
            ["Homelab:Proxmox:TokenSecret"] = "secret",
            ["Homelab:Proxmox:CertificateFingerprint"] = new string('A', 64),
            ["Homelab:Proxmox:InsecureSkipTlsVerify"] = "true",
        });

        Assert.Equal(["Homelab:Proxmox: choose one of CaCertificatePath, CertificateFingerprint or InsecureSkipTlsVerify."], errors);
    }

    [Fact]
    public void Validate_SecretNeverEchoed()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Proxmox:Url"] = "ftp://pve",
            ["Homelab:Proxmox:TokenId"] = "dash@pve!ro",
            ["Homelab:Proxmox:TokenSecret"] = "super-secret-value",
        });

        Assert.DoesNotContain(errors, e => e.Contains("super-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateDockerHostNames_Rejected()
    {
        var (errors, _) = Validate(new()
        {
            ["Homelab:Docker:Hosts:0:Name"] = "nas",
            ["Homelab:Docker:Hosts:0:Endpoint"] = "unix:///var/run/docker.sock",
            ["Homelab:Docker:Hosts:1:Name"] = "NAS",
            ["Homelab:Docker:Hosts:1:Endpoint"] = "tcp://nas.lan:2375",
        });

        Assert.Equal(["Homelab:Docker:Hosts:1:Name 'NAS' is used by another host."], errors);
    }

    [Fact]
    public void Validate_SimulatorOnNetworkAddress_Rejected()
    {
        var (errors, _) = Validate(new() { ["Homelab:Simulator:BindAddress"] = "0.0.0.0" });

        Assert.Single(errors, e => e.Contains("must be a loopback address", StringComparison.Ordinal));
    }
}

public sealed class ValidateDownloadOptionsTests
{
    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings) => OptionsValidation.Validate(settings).Errors;

    [Fact]
    public void Validate_QbittorrentWithLogin_IsValidAndNotDemo()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Homelab:QBittorrent:Url"] = "http://gluetun:8080",
            ["Homelab:QBittorrent:Username"] = "admin",
            ["Homelab:QBittorrent:Password"] = "secret",
            ["Homelab:Gluetun:Url"] = "http://gluetun:8000",
            ["Homelab:Gluetun:ApiKey"] = "key",
        };

        Assert.Empty(Validate(settings));
    }

    [Fact]
    public void Validate_BrokenDownloadSettings_ListsEachProblem()
    {
        var errors = Validate(new()
        {
            ["Homelab:Demo"] = "true",
            ["Homelab:QBittorrent:Url"] = "gluetun:8080",
            ["Homelab:QBittorrent:Username"] = "admin",
            ["Homelab:QBittorrent:ApiKey"] = "key",
            ["Homelab:Gluetun:ApiKey"] = "key",
            ["Homelab:Simulator:QBittorrentVersion"] = "4.2.0",
            ["Homelab:Simulator:GluetunPort"] = "18006",
        });

        Assert.Contains(errors, e => e.StartsWith("Homelab:QBittorrent:Url must be an absolute http:// or https:// URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:QBittorrent: Username and Password go together", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:QBittorrent: choose ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Gluetun:Url is required when ApiKey is set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Homelab:Simulator:QBittorrentVersion must be", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "Homelab:Simulator: ProxmoxPort and GluetunPort must differ (all are 18006).");
    }
}
