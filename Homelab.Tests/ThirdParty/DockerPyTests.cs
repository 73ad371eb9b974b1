using System.Text.Json;
using Homelab.Tests.Dashboard.Simulator;

namespace Homelab.Tests.ThirdParty;

/// <summary>docker-py (Debian's python3-docker 5.0.3), unmodified, against the simulated Engine API.</summary>
public sealed class DockerPyTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ContainersList_All_ListsTheSeedHomelab()
    {
        using var result = await RunAsync("list");
        var root = result.RootElement[0];

        Assert.True(root.GetProperty("count").GetInt32() >= 55);
        Assert.True(root.GetProperty("running").GetInt32() < root.GetProperty("count").GetInt32());
        Assert.Equal("exited", root.GetProperty("statuses").GetProperty("lncrawl").GetString());
        Assert.Equal("running", root.GetProperty("statuses").GetProperty("jellyfin").GetString());
    }

    [Fact]
    public async Task ContainerAttrs_Inspect_CarriesStateHealthAndLabels()
    {
        using var result = await RunAsync("inspect", "linkwarden");
        var root = result.RootElement[0];

        Assert.Equal("linkwarden", root.GetProperty("name").GetString());
        Assert.Equal(64, root.GetProperty("id").GetString()!.Length);
        Assert.Equal("running", root.GetProperty("status").GetString());
        Assert.Equal("unhealthy", root.GetProperty("health").GetString());
        Assert.False(root.GetProperty("tty").GetBoolean());
        Assert.Equal("productivity", root.GetProperty("labels").GetProperty("com.docker.compose.project").GetString());
        Assert.Equal("ghcr.io/linkwarden/linkwarden:v2.12.2", root.GetProperty("image").GetString());
    }

    [Fact]
    public async Task StopStartRestart_FreshInspectSeesTheNewState()
    {
        const string Name = "n8n";

        using var results = await RunAsync("stop", Name, "--", "start", Name, "--", "restart", Name);
        var (stop, start, restart) = (results.RootElement[0], results.RootElement[1], results.RootElement[2]);

        Assert.Equal("running", stop.GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("exited", stop.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal("running", start.GetProperty("after").GetProperty("status").GetString());
        var before = restart.GetProperty("before");
        var after = restart.GetProperty("after");
        Assert.Equal("running", after.GetProperty("status").GetString());
        Assert.NotEqual(before.GetProperty("started_at").GetString(), after.GetProperty("started_at").GetString());
    }

    [Fact]
    public async Task Logs_Tail_DemultiplexesTheLastLines()
    {
        using var result = await RunAsync("logs", "sonarr", "4");
        var lines = result.RootElement[0].GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();

        Assert.Equal(4, lines.Count);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S", line));
    }

    [Fact]
    public async Task Stats_StreamFalse_HasAPreCpuSampleForACpuPercent()
    {
        using var result = await RunAsync("stats", "jellyfin");
        var root = result.RootElement[0];

        Assert.Equal("/jellyfin", root.GetProperty("name").GetString());
        Assert.InRange(root.GetProperty("cpu_percent").GetDouble(), 0.01, 1_200);
        Assert.Equal(24L << 30, root.GetProperty("memory_limit").GetInt64());
        Assert.True(root.GetProperty("inactive_file").GetInt64() < root.GetProperty("memory_usage").GetInt64());
        Assert.NotEqual("0001-01-01T00:00:00Z", root.GetProperty("pre_read").GetString());
    }

    /// <summary>Runs docker_client.py; several commands, separated by <c>--</c>, share one Python start.</summary>
    private async Task<JsonDocument> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing; docker-py runs with Debian's python3 and python3-docker, which ./test.sh installs.");
        var script = Path.Combine(AppContext.BaseDirectory, "ThirdParty", "docker_client.py");
        Assert.True(File.Exists(script), $"{script} was not copied to the test output.");
        var result = await DockerToolProcess.RunAsync(Python, [script, $"tcp://127.0.0.1:{fixture.DockerUrl.Port}", .. arguments], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        }, s_timeout);
        Assert.False(result.Stderr.Contains("No module named 'docker'", StringComparison.Ordinal), $"python3-docker (docker-py) is not installed for {Python}; ./test.sh installs it.\n{result}");
        Assert.True(result.Succeeded, result.ToString());
        try
        {
            return JsonDocument.Parse(result.Stdout);
        }
        catch (JsonException ex)
        {
            Assert.Fail($"docker_client.py printed no JSON ({ex.Message}).\n{result}");
            throw;
        }
    }
}
