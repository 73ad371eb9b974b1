using System.Diagnostics;
using System.Text.Json;
using Homelab.Tests.Dashboard.Simulator;
using Homelab.Tests.Shared;

namespace Homelab.Tests.ThirdParty;

/// <summary>
/// The simulated Proxmox API against a client we did not write: Debian's python3-proxmoxer (1.2.0), unmodified.
/// If proxmoxer can read it and drive power actions through it, the wire format is real enough.
/// </summary>
/// <remarks>One simulator for the class: the token cycle uses LXC 101, the ticket cycle LXC 104, the status read LXC 102.</remarks>
public sealed class ProxmoxerTests(ProxmoxSimulatorFixture fixture) : IClassFixture<ProxmoxSimulatorFixture>
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan s_processTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Nodes_ThroughProxmoxer_ListsThreeOnlineNodes()
    {
        var nodes = await RunOkAsync(fixture.Simulator, "nodes");

        Assert.Equal(["AIServer", "MediaServer", "pve"], nodes.EnumerateArray().Select(n => n.GetProperty("node").GetString()).Order(StringComparer.Ordinal));
        Assert.All(nodes.EnumerateArray(), n => Assert.Equal("online", n.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ClusterResources_ThroughProxmoxerWithTypeFilter_ListsTheGuests()
    {
        var guests = await RunOkAsync(fixture.Simulator, "resources", "vm");

        Assert.Equal([101, 102, 103, 104, 105, 106, 200], guests.EnumerateArray().Select(g => g.GetProperty("vmid").GetInt32()).Order());
    }

    [Fact]
    public async Task GuestStatus_ThroughProxmoxer_ReadsTheContainer()
    {
        var status = await RunOkAsync(fixture.Simulator, "status", "AIServer", "lxc", "102");

        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.Equal("openclaw", status.GetProperty("name").GetString());
        Assert.Equal("lxc", status.GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnknownPath_ThroughProxmoxer_Reports501WithProxmoxMessage()
    {
        var (exitCode, output, _) = await RunAsync(fixture.Simulator, Token(fixture.Simulator), "get", "nodes/pve/nope");

        Assert.Equal(2, exitCode);
        var error = output.GetProperty("error");
        Assert.Equal(501, error.GetProperty("status_code").GetInt32());
        Assert.Equal("Method 'GET /nodes/pve/nope' not implemented", error.GetProperty("content").GetString());
    }

    [Fact]
    public async Task WrongToken_ThroughProxmoxer_Reports401()
    {
        var user = fixture.Simulator.TokenId.Split('!');
        var (exitCode, output, _) = await RunAsync(fixture.Simulator, [user[0], user[1], "not-the-secret"], "version");

        Assert.Equal(2, exitCode);
        Assert.Equal(401, output.GetProperty("error").GetProperty("status_code").GetInt32());
        Assert.Equal("invalid token value!", output.GetProperty("error").GetProperty("content").GetString());
    }

    [Fact]
    public async Task PowerCycle_ThroughProxmoxerWithToken_ShutsDownAndStartsTheContainer()
    {
        var cycle = await RunOkAsync(fixture.Simulator, "cycle", "AIServer", "lxc", "101");

        AssertCycled(cycle, "root@pam!homelab-demo");
    }

    [Fact]
    public async Task PowerCycle_ThroughProxmoxerWithTicket_ShutsDownAndStartsTheContainer()
    {
        string[] ticket = ["root@pam", "-", fixture.Simulator.TokenSecret];

        var (exitCode, cycle, stderr) = await RunAsync(fixture.Simulator, ticket, "cycle", "AIServer", "lxc", "104");

        Assert.True(exitCode == 0, $"proxmoxer failed ({exitCode}): {cycle}\n{stderr}");
        AssertCycled(cycle, "root@pam");
    }

    private static void AssertCycled(JsonElement cycle, string user)
    {
        Assert.StartsWith("UPID:AIServer:", cycle.GetProperty("shutdown_upid").GetString(), StringComparison.Ordinal);
        Assert.Equal("OK", cycle.GetProperty("shutdown_task").GetProperty("exitstatus").GetString());
        Assert.Equal("vzshutdown", cycle.GetProperty("shutdown_task").GetProperty("type").GetString());
        Assert.Equal(user, cycle.GetProperty("shutdown_task").GetProperty("user").GetString());
        Assert.Equal("stopped", cycle.GetProperty("after_shutdown").GetProperty("status").GetString());
        Assert.Equal("OK", cycle.GetProperty("start_task").GetProperty("exitstatus").GetString());
        Assert.Equal("running", cycle.GetProperty("after_start").GetProperty("status").GetString());
    }

    private static string[] Token(SimulatorFixture simulator)
    {
        var parts = simulator.TokenId.Split('!');
        return [parts[0], parts[1], simulator.TokenSecret];
    }

    private static async Task<JsonElement> RunOkAsync(SimulatorFixture simulator, params string[] command)
    {
        var (exitCode, output, stderr) = await RunAsync(simulator, Token(simulator), command);
        Assert.True(exitCode == 0, $"proxmoxer failed ({exitCode}): {output}\n{stderr}");
        return output;
    }

    /// <summary>Runs the script; returns its exit code, its JSON output and its stderr (shown when something fails).</summary>
    private static async Task<(int ExitCode, JsonElement Output, string Stderr)> RunAsync(SimulatorFixture simulator, string[] credentials, params string[] command)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; the proxmoxer tests need Debian's python3 with python3-proxmoxer");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThirdParty", "proxmoxer_client.py"));
        start.ArgumentList.Add($"{simulator.ProxmoxUrl.Host}:{simulator.ProxmoxUrl.Port}");
        foreach (var argument in credentials.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_processTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"proxmoxer_client.py {string.Join(' ', command)} did not finish in {s_processTimeout}: {await stderr}");
        }

        var output = await stdout;
        var errors = await stderr;
        try
        {
            using var document = JsonDocument.Parse(output);
            return (process.ExitCode, document.RootElement.Clone(), errors);
        }
        catch (JsonException)
        {
            Assert.Fail($"proxmoxer_client.py {string.Join(' ', command)} exited {process.ExitCode} without JSON.\nstdout: {output}\nstderr: {errors}");
            throw;
        }
    }
}
