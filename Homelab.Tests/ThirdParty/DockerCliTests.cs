using System.Globalization;
using System.Text.Json;
using Homelab.Tests.Dashboard.Simulator;

namespace Homelab.Tests.ThirdParty;

/// <summary>The real docker CLI (28.x, API 1.50), unmodified, against the simulated Engine API over TCP.</summary>
public sealed class DockerCliTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Version_AgainstTheSimulator_ReportsServerApi152()
    {
        var result = await DockerAsync("version", "--format", "{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}");

        Assert.Equal("1.52 1.24 linux", result.Stdout.Trim());
    }

    [Fact]
    public async Task PsAll_ListsTheSeedHomelab()
    {
        var result = await DockerAsync("ps", "-a");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("CONTAINER ID", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length - 1 >= 55, result.ToString());
        Assert.Contains(lines, line => line.TrimEnd().EndsWith("linkwarden", StringComparison.Ordinal) && line.Contains("(unhealthy)", StringComparison.Ordinal) && line.Contains("0.0.0.0:3050->3000/tcp", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.TrimEnd().EndsWith("lncrawl", StringComparison.Ordinal) && line.Contains("Exited (0)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.TrimEnd().EndsWith("unpackerr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inspect_Container_IsReadableByTheCli()
    {
        var formatted = await DockerAsync("inspect", "--format", "{{.Name}} {{.State.Status}} {{.Config.Tty}} {{.State.Health.Status}} {{.HostConfig.RestartPolicy.Name}}", "linkwarden");
        var raw = await DockerAsync("inspect", "jellyfin");

        Assert.Equal("/linkwarden running false unhealthy unless-stopped", formatted.Stdout.Trim());
        using var document = JsonDocument.Parse(raw.Stdout);
        Assert.Equal("/jellyfin", document.RootElement[0].GetProperty("Name").GetString());
    }

    [Fact]
    public async Task StopStartRestart_ChangeTheStateTheCliThenSees()
    {
        const string Name = "kavita";

        Assert.Equal(Name, (await DockerAsync("stop", Name)).Stdout.Trim());
        Assert.Equal("exited", await StateAsync(Name));

        Assert.Equal(Name, (await DockerAsync("start", Name)).Stdout.Trim());
        Assert.Equal("running", await StateAsync(Name));

        var startedBefore = (await DockerAsync("inspect", "--format", "{{.State.StartedAt}}", Name)).Stdout.Trim();
        Assert.Equal(Name, (await DockerAsync("restart", Name)).Stdout.Trim());
        Assert.Equal("running", await StateAsync(Name));
        Assert.NotEqual(startedBefore, (await DockerAsync("inspect", "--format", "{{.State.StartedAt}}", Name)).Stdout.Trim());
    }

    [Fact]
    public async Task LogsTail_ShowsTheLastLines()
    {
        var result = await DockerAsync("logs", "--tail", "3", "--timestamps", "sonarr");

        var lines = (result.Stdout + result.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ", line));
    }

    [Fact]
    public async Task StatsNoStream_ShowsCpuAndMemoryAgainstTheHostLimit()
    {
        var result = await DockerAsync("stats", "--no-stream", "--format", "{{.Name}}|{{.CPUPerc}}|{{.MemUsage}}|{{.PIDs}}", "jellyfin");

        var columns = result.Stdout.Trim().Split('|');
        Assert.True(columns.Length == 4, result.ToString());
        Assert.Equal("jellyfin", columns[0]);
        var cpu = double.Parse(columns[1].TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.InRange(cpu, 0.01, 1_200);
        Assert.EndsWith("/ 24GiB", columns[2], StringComparison.Ordinal);
        Assert.NotEqual("0", columns[3]);
    }

    private async Task<string> StateAsync(string name) => (await DockerAsync("inspect", "--format", "{{.State.Status}}", name)).Stdout.Trim();

    private async Task<ToolResult> DockerAsync(params string[] arguments)
    {
        var cli = DockerToolProcess.FindDockerCli();
        Assert.True(cli is not null, "The docker CLI is not installed (looked for /usr/local/bin/docker and docker on PATH); ./test.sh installs it.");
        var config = Directory.CreateTempSubdirectory("homelab-docker-cli-");
        try
        {
            var result = await DockerToolProcess.RunAsync(cli, arguments, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DOCKER_HOST"] = $"tcp://127.0.0.1:{fixture.DockerUrl.Port}",

                // A private, empty config folder: no contexts, credentials or plugins from the machine.
                ["DOCKER_CONFIG"] = config.FullName,
                ["DOCKER_CLI_HINTS"] = "false",
            }, s_timeout);
            Assert.True(result.Succeeded, result.ToString());
            return result;
        }
        finally
        {
            config.Delete(recursive: true);
        }
    }
}
