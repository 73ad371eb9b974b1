using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Docker;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Engine API's streams over real HTTP: logs, events and stats, and a host that goes down.</summary>
public sealed class DockerSimulatorStreamTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>, IDisposable
{
    private readonly DockerSimHttp _sim = new(fixture.DockerUrl);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Logs_TailWithTimestamps_AreMultiplexedFrames()
    {
        using var response = await _sim.Http.GetAsync("/v1.52/containers/sonarr/logs?stdout=1&stderr=1&timestamps=1&tail=5", Cancel);
        var frames = DockerSimHttp.ParseFrames(await response.Content.ReadAsByteArrayAsync(Cancel));

        Assert.Equal("application/vnd.docker.multiplexed-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, frames.Count);
        Assert.All(frames, frame =>
        {
            Assert.Equal(1, frame.Stream);
            Assert.EndsWith("\n", frame.Text, StringComparison.Ordinal);

            // RFC 3339 with nine fraction digits, then a space.
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ", frame.Text);
        });
    }

    [Fact]
    public async Task Logs_StreamSelection_LeavesOutWhatWasNotAskedFor()
    {
        var stderrOnly = DockerSimHttp.ParseFrames(await _sim.Http.GetByteArrayAsync("/v1.52/containers/unpackerr/logs?stdout=0&stderr=1&tail=all", Cancel));
        using var neither = await _sim.Http.GetAsync("/v1.52/containers/unpackerr/logs?stdout=0&stderr=0", Cancel);

        Assert.NotEmpty(stderrOnly);
        Assert.All(stderrOnly, frame => Assert.Equal(2, frame.Stream));
        Assert.DoesNotMatch(@"^\d{4}-", stderrOnly[0].Text);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task Logs_BeforeApi142_AreLabelledRawLikeTheDaemonDid()
    {
        using var response = await _sim.Http.GetAsync("/v1.41/containers/sonarr/logs?stdout=1&tail=2", Cancel);

        Assert.Equal("application/vnd.docker.raw-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, DockerSimHttp.ParseFrames(await response.Content.ReadAsByteArrayAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Logs_Follow_StreamsNewLinesUntilTheContainerStops()
    {
        const string Name = "homepage";
        using var response = await _sim.Http.GetAsync($"/v1.52/containers/{Name}/logs?stdout=1&stderr=1&timestamps=1&tail=0&follow=1", HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var body = await response.Content.ReadAsStreamAsync(Cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));

        var header = new byte[8];
        await body.ReadExactlyAsync(header, deadline.Token);
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
        await body.ReadExactlyAsync(payload, deadline.Token);
        Assert.Equal(1, header[0]);

        Assert.Equal(HttpStatusCode.NoContent, await _sim.PostAsync($"/v1.52/containers/{Name}/stop"));
        var rest = new MemoryStream();
        await body.CopyToAsync(rest, deadline.Token);
        Assert.False(deadline.IsCancellationRequested, "the follow stream did not end when the container stopped");
    }

    [Fact]
    public async Task Events_StopByOneClient_ReachesAnotherAsKillDieAndStop()
    {
        const string Name = "homebox";
        using var response = await _sim.Http.GetAsync("/v1.52/events?filters=" + Uri.EscapeDataString("""{"type":["container"]}"""), HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
        using var other = new HttpClient { BaseAddress = fixture.DockerUrl };

        using var stop = await other.PostAsync($"/v1.52/containers/{Name}/stop", null, Cancel);
        var actions = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (!actions.Contains("stop") && await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            using var e = JsonDocument.Parse(line);
            var root = e.RootElement;
            if (root.GetProperty("Actor").GetProperty("Attributes").GetProperty("name").GetString() != Name)
            {
                continue;
            }

            actions.Add(root.GetProperty("Action").GetString()!);
            Assert.Equal("container", root.GetProperty("Type").GetString());
            Assert.Equal("local", root.GetProperty("scope").GetString());
            Assert.Equal(root.GetProperty("Action").GetString(), root.GetProperty("status").GetString());
            Assert.Equal(root.GetProperty("time").GetInt64(), root.GetProperty("timeNano").GetInt64() / 1_000_000_000);
        }

        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal(["kill", "die", "stop"], actions);
    }

    [Fact]
    public async Task Events_SinceAndUntilInThePast_ReplayTheBufferAndEnd()
    {
        const string Name = "mealie";
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.NoContent, await _sim.PostAsync($"/v1.52/containers/{Name}/restart"));
        var after = DateTimeOffset.UtcNow;

        var filters = Uri.EscapeDataString($$"""{"container":["{{Name}}"],"event":["die","start"]}""");
        var body = await _sim.Http.GetStringAsync($"/v1.52/events?since={DockerTime.FormatUnix(before)}&until={DockerTime.FormatUnix(after)}&filters={filters}", Cancel);

        var actions = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Action").GetString()).ToList();
        Assert.Equal(["die", "start"], actions);
    }

    [Fact]
    public async Task Stats_StreamFalse_WaitsForASecondReadingAndFillsPreCpu()
    {
        using var stats = await _sim.GetJsonAsync("/v1.52/containers/jellyfin/stats?stream=false");
        var root = stats.RootElement;
        var cpu = root.GetProperty("cpu_stats");
        var pre = root.GetProperty("precpu_stats");

        var cpuDelta = cpu.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64() - pre.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64();
        var systemDelta = cpu.GetProperty("system_cpu_usage").GetUInt64() - pre.GetProperty("system_cpu_usage").GetUInt64();
        var percent = DockerStatsMath.CpuPercent(0, cpuDelta, 0, systemDelta, cpu.GetProperty("online_cpus").GetInt32());
        Assert.InRange(percent, 0.01, 1_200);
        Assert.True(DockerTime.ParseRfc3339(root.GetProperty("preread").GetString()) < DockerTime.ParseRfc3339(root.GetProperty("read").GetString()));
        Assert.Equal("/jellyfin", root.GetProperty("name").GetString());
        var memory = root.GetProperty("memory_stats");
        Assert.True(memory.GetProperty("stats").GetProperty("inactive_file").GetInt64() < memory.GetProperty("usage").GetInt64());
        Assert.Equal(24L << 30, memory.GetProperty("limit").GetInt64());
        Assert.True(root.GetProperty("networks").GetProperty("eth0").GetProperty("rx_bytes").GetInt64() > 0);
        Assert.True(root.GetProperty("pids_stats").GetProperty("current").GetInt32() > 0);
    }

    [Fact]
    public async Task Stats_OneShot_AnswersAtOnceWithAnEmptyPreCpu()
    {
        using var stats = await _sim.GetJsonAsync("/v1.52/containers/jellyfin/stats?stream=false&one-shot=true");
        var pre = stats.RootElement.GetProperty("precpu_stats");

        Assert.False(pre.TryGetProperty("system_cpu_usage", out _));
        Assert.Equal(0ul, pre.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.Equal(DockerSimHttp.ZeroTime, stats.RootElement.GetProperty("preread").GetString());
    }

    [Fact]
    public async Task Stats_Streaming_SendsAReadingPerSecondEachBasedOnTheLast()
    {
        using var response = await _sim.Http.GetAsync("/v1.52/containers/prometheus/stats", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));

        using var first = JsonDocument.Parse((await reader.ReadLineAsync(Cancel))!);
        using var second = JsonDocument.Parse((await reader.ReadLineAsync(Cancel))!);

        Assert.Equal(DockerSimHttp.ZeroTime, first.RootElement.GetProperty("preread").GetString());
        Assert.Equal(first.RootElement.GetProperty("read").GetString(), second.RootElement.GetProperty("preread").GetString());
        Assert.Equal(
            first.RootElement.GetProperty("cpu_stats").GetProperty("system_cpu_usage").GetUInt64(),
            second.RootElement.GetProperty("precpu_stats").GetProperty("system_cpu_usage").GetUInt64());
    }

    [Fact]
    public async Task Stats_StoppedContainer_IsZeroedWithLimitZero()
    {
        using var stats = await _sim.GetJsonAsync("/v1.52/containers/lncrawl/stats?stream=false");
        var memory = stats.RootElement.GetProperty("memory_stats");

        Assert.Equal(0, memory.GetProperty("limit").GetInt64());
        Assert.Equal(0, memory.GetProperty("usage").GetInt64());
        Assert.Equal(0ul, stats.RootElement.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.Equal(DockerSimHttp.ZeroTime, stats.RootElement.GetProperty("read").GetString());
    }

    [Fact]
    public async Task AnyRequest_WhileTheDockerHostIsDown_LosesItsConnection()
    {
        // Its own simulator: shutting LXC 200 down would break every other test in the class.
        await using var simulator = await SimulatorFixture.StartAsync(delayScale: 0.05);
        using var http = new HttpClient { BaseAddress = simulator.DockerUrl, Timeout = TimeSpan.FromSeconds(10) };
        var task = simulator.Homelab.StartPowerTask("MediaServer", GuestKind.Lxc, 200, PowerAction.Stop, "root@pam");
        Assert.NotNull(task.Upid);
        while (simulator.Homelab.DockerHostUp)
        {
            await Task.Delay(50, Cancel);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/_ping", Cancel));
    }
}
