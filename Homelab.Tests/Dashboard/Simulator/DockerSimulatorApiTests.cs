using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Docker;
using Homelab.Domain.Cluster;
using Homelab.Domain.Containers;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Docker Engine API over real HTTP, as any client sees it.</summary>
public sealed class DockerSimulatorApiTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.DockerUrl, Timeout = TimeSpan.FromSeconds(15) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Ping_GetAndHead_AnswerOkWithTheDaemonsHeaders()
    {
        using var get = await _http.GetAsync("/_ping", Cancel);
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"), Cancel);

        Assert.Equal("OK", await get.Content.ReadAsStringAsync(Cancel));
        foreach (var response in new[] { get, head })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("1.52", response.Headers.GetValues("Api-Version").Single());
            Assert.Equal("false", response.Headers.GetValues("Docker-Experimental").Single());
            Assert.Equal("linux", response.Headers.GetValues("Ostype").Single());
        }
    }

    [Fact]
    public async Task Version_WithOrWithoutPrefix_ReportsApi152AndMinimum124()
    {
        foreach (var path in new[] { "/version", "/v1.44/version" })
        {
            using var version = await GetJsonAsync(path);

            Assert.Equal("1.52", version.RootElement.GetProperty("ApiVersion").GetString());
            Assert.Equal("1.24", version.RootElement.GetProperty("MinAPIVersion").GetString());
            Assert.Equal("linux", version.RootElement.GetProperty("Os").GetString());
            Assert.Equal("Engine", version.RootElement.GetProperty("Components")[0].GetProperty("Name").GetString());
        }
    }

    [Fact]
    public async Task Info_DockerHost_CountsItsContainers()
    {
        using var info = await GetJsonAsync("/v1.52/info");
        var root = info.RootElement;

        Assert.Equal("docker-server", root.GetProperty("Name").GetString());
        Assert.Equal(12, root.GetProperty("NCPU").GetInt32());
        Assert.True(root.GetProperty("Containers").GetInt32() >= 55);
        Assert.Equal(root.GetProperty("Containers").GetInt32(), root.GetProperty("ContainersRunning").GetInt32() + root.GetProperty("ContainersPaused").GetInt32() + root.GetProperty("ContainersStopped").GetInt32());
    }

    [Theory]
    [InlineData("/v1.12/containers/json", "client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version")]
    [InlineData("/v1.53/containers/json", "client version 1.53 is too new. Maximum supported API version is 1.52")]
    public async Task VersionPrefix_OutsideTheSupportedRange_Is400WithDockersText(string path, string message)
    {
        using var response = await _http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await MessageAsync(response));
    }

    [Theory]
    [InlineData("/v1.52/images/json")]
    [InlineData("/nothing/here")]
    public async Task UnknownRoute_Is404PageNotFound(string path)
    {
        using var response = await _http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("page not found", await MessageAsync(response));
    }

    [Fact]
    public async Task ListContainers_All_IsTheSeedHomelabInDockersShape()
    {
        using var list = await GetJsonAsync("/v1.52/containers/json?all=1");
        var containers = list.RootElement.EnumerateArray().ToList();

        Assert.True(containers.Count >= 55, $"{containers.Count} containers");
        var jellyfin = containers.Single(c => c.GetProperty("Names")[0].GetString() == "/jellyfin");
        Assert.Equal(64, jellyfin.GetProperty("Id").GetString()!.Length);
        Assert.Equal("running", jellyfin.GetProperty("State").GetString());
        Assert.StartsWith("Up ", jellyfin.GetProperty("Status").GetString(), StringComparison.Ordinal);
        Assert.Equal("media", jellyfin.GetProperty("Labels").GetProperty("com.docker.compose.project").GetString());
        Assert.True(jellyfin.GetProperty("Created").GetInt64() < DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var port = jellyfin.GetProperty("Ports")[0];
        Assert.Equal("0.0.0.0", port.GetProperty("IP").GetString());
        Assert.Equal(8096, port.GetProperty("PrivatePort").GetInt32());
        Assert.Equal(8096, port.GetProperty("PublicPort").GetInt32());
        Assert.Equal("tcp", port.GetProperty("Type").GetString());
        Assert.Equal("media_default", jellyfin.GetProperty("HostConfig").GetProperty("NetworkMode").GetString());
        Assert.True(jellyfin.GetProperty("NetworkSettings").GetProperty("Networks").TryGetProperty("media_default", out _));
        Assert.Contains(jellyfin.GetProperty("Mounts").EnumerateArray(), m => m.GetProperty("Destination").GetString() == "/data/media");
        var qbittorrent = containers.Single(c => c.GetProperty("Names")[0].GetString() == "/qbittorrent");
        Assert.Equal("container:gluetun", qbittorrent.GetProperty("HostConfig").GetProperty("NetworkMode").GetString());
        Assert.Equal("exited", containers.Single(c => c.GetProperty("Names")[0].GetString() == "/lncrawl").GetProperty("State").GetString());
    }

    [Fact]
    public async Task ListContainers_WithoutAll_ListsOnlyRunningOnes()
    {
        using var list = await GetJsonAsync("/v1.52/containers/json");

        Assert.DoesNotContain(Names(list), n => n == "/lncrawl");
        Assert.Contains(Names(list), n => n == "/jellyfin");
    }

    [Theory]
    [InlineData("/v1.52/containers/json?all=1", true)]
    [InlineData("/containers/json?all=1", true)]
    [InlineData("/v1.51/containers/json?all=1", false)]
    [InlineData("/v1.41/containers/json?all=1", false)]
    public async Task ListContainers_Health_IsInTheListOnlyFromApi152(string path, bool hasHealth)
    {
        using var list = await GetJsonAsync(path);
        var linkwarden = list.RootElement.EnumerateArray().Single(c => c.GetProperty("Names")[0].GetString() == "/linkwarden");

        Assert.Equal(hasHealth, linkwarden.TryGetProperty("Health", out var health));
        Assert.EndsWith("(unhealthy)", linkwarden.GetProperty("Status").GetString(), StringComparison.Ordinal);
        if (hasHealth)
        {
            Assert.Equal("unhealthy", health.GetProperty("Status").GetString());
            Assert.True(health.GetProperty("FailingStreak").GetInt32() > 0);
        }
    }

    [Theory]
    [InlineData("""{"name":["^/sonarr$"]}""", new[] { "/sonarr" })]
    [InlineData("""{"name":{"^/radarr$":true}}""", new[] { "/radarr" })]
    [InlineData("""{"label":["com.docker.compose.project=immich"]}""", new[] { "/immich-db", "/immich-machine-learning", "/immich-redis", "/immich-server" })]
    [InlineData("""{"status":["exited"],"name":["lncrawl"]}""", new[] { "/lncrawl" })]
    [InlineData("""{"label":["com.docker.compose.project=books"],"health":["healthy"],"name":["^/ka"]}""", new[] { "/kavita" })]
    public async Task ListContainers_Filters_SelectTheWayTheDaemonDoes(string filters, string[] expected)
    {
        using var list = await GetJsonAsync($"/v1.52/containers/json?all=true&filters={Uri.EscapeDataString(filters)}");

        Assert.Equal(expected, Names(list).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListContainers_IdFilterAndLimit_Narrow()
    {
        using var all = await GetJsonAsync("/v1.52/containers/json?all=1");
        var id = all.RootElement[3].GetProperty("Id").GetString()!;

        using var byId = await GetJsonAsync($"/v1.52/containers/json?all=1&filters={Uri.EscapeDataString($$"""{"id":["{{id[..10]}}"]}""")}");
        using var limited = await GetJsonAsync("/v1.52/containers/json?limit=2");

        Assert.Equal(id, Assert.Single(byId.RootElement.EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(2, limited.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"color":["red"]}""")]
    [InlineData("not json")]
    public async Task ListContainers_BadFilter_Is400(string filters)
    {
        using var response = await _http.GetAsync($"/v1.52/containers/json?filters={Uri.EscapeDataString(filters)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid filter", await MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_ByNameIdOrIdPrefix_FindsTheSameContainer()
    {
        using var byName = await GetJsonAsync("/v1.52/containers/prowlarr/json");
        var id = byName.RootElement.GetProperty("Id").GetString()!;
        using var byId = await GetJsonAsync($"/v1.52/containers/{id}/json");
        using var byPrefix = await GetJsonAsync($"/containers/{id[..12]}/json");

        Assert.Equal(id, byId.RootElement.GetProperty("Id").GetString());
        Assert.Equal(id, byPrefix.RootElement.GetProperty("Id").GetString());
        var root = byName.RootElement;
        Assert.Equal("/prowlarr", root.GetProperty("Name").GetString());
        Assert.False(root.GetProperty("Config").GetProperty("Tty").GetBoolean());
        Assert.Equal("lscr.io/linuxserver/prowlarr:2.1.5", root.GetProperty("Config").GetProperty("Image").GetString());
        Assert.StartsWith("sha256:", root.GetProperty("Image").GetString(), StringComparison.Ordinal);
        Assert.NotNull(DockerTime.ParseRfc3339(root.GetProperty("Created").GetString()));
        Assert.NotNull(DockerTime.ParseRfc3339(root.GetProperty("State").GetProperty("StartedAt").GetString()));
        Assert.Equal("unless-stopped", root.GetProperty("HostConfig").GetProperty("RestartPolicy").GetProperty("Name").GetString());
        Assert.True(root.GetProperty("State").GetProperty("Running").GetBoolean());
    }

    [Fact]
    public async Task Inspect_UnknownContainer_Is404NoSuchContainer()
    {
        using var response = await _http.GetAsync("/v1.52/containers/ghost/json", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such container: ghost", await MessageAsync(response));
    }

    [Fact]
    public async Task Inspect_Linkwarden_IsUnhealthyWithFailingChecksInItsLog()
    {
        using var inspect = await GetJsonAsync("/v1.52/containers/linkwarden/json");
        var health = inspect.RootElement.GetProperty("State").GetProperty("Health");

        Assert.Equal("unhealthy", health.GetProperty("Status").GetString());
        Assert.True(health.GetProperty("FailingStreak").GetInt32() > 0);
        Assert.All(health.GetProperty("Log").EnumerateArray(), entry => Assert.NotEqual(0, entry.GetProperty("ExitCode").GetInt32()));
        Assert.True(inspect.RootElement.GetProperty("Config").TryGetProperty("Healthcheck", out _));
    }

    [Fact]
    public async Task Inspect_Unpackerr_CrashLoopsWithAGrowingRestartCount()
    {
        var states = new HashSet<string>(StringComparer.Ordinal);
        var first = -1;
        var last = -1;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (!deadline.IsCancellationRequested && (states.Count < 2 || last <= first))
        {
            using var inspect = await GetJsonAsync("/v1.52/containers/unpackerr/json");
            states.Add(inspect.RootElement.GetProperty("State").GetProperty("Status").GetString()!);
            last = inspect.RootElement.GetProperty("RestartCount").GetInt32();
            first = first < 0 ? last : first;
            await Task.Delay(50, Cancel);
        }

        Assert.True(last > first, $"restart count stayed at {first}");
        Assert.Contains("running", states);
        Assert.True(states.Overlaps(["restarting", "exited"]), $"states seen: {string.Join(", ", states)}");
    }

    [Fact]
    public async Task Commands_StopStartRestart_AnswerLikeTheDaemon()
    {
        const string Name = "calibre-web";

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync($"/v1.52/containers/{Name}/stop?t=10"));
        Assert.Equal("exited", await StateAsync(Name));
        Assert.Equal(HttpStatusCode.NotModified, await PostAsync($"/v1.52/containers/{Name}/stop"));

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync($"/v1.52/containers/{Name}/start"));
        Assert.Equal("running", await StateAsync(Name));
        Assert.Equal(HttpStatusCode.NotModified, await PostAsync($"/v1.52/containers/{Name}/start"));

        var startedBefore = await StartedAtAsync(Name);
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync($"/v1.52/containers/{Name}/restart?t=5&signal=SIGTERM"));
        Assert.Equal("running", await StateAsync(Name));
        Assert.True(await StartedAtAsync(Name) > startedBefore);

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/v1.52/containers/ghost/restart"));
    }

    [Fact]
    public async Task Logs_TailWithTimestamps_AreMultiplexedFrames()
    {
        using var response = await _http.GetAsync("/v1.52/containers/sonarr/logs?stdout=1&stderr=1&timestamps=1&tail=5", Cancel);
        var frames = ParseFrames(await response.Content.ReadAsByteArrayAsync(Cancel));

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
        var stderrOnly = ParseFrames(await _http.GetByteArrayAsync("/v1.52/containers/unpackerr/logs?stdout=0&stderr=1&tail=all", Cancel));
        using var neither = await _http.GetAsync("/v1.52/containers/unpackerr/logs?stdout=0&stderr=0", Cancel);

        Assert.NotEmpty(stderrOnly);
        Assert.All(stderrOnly, frame => Assert.Equal(2, frame.Stream));
        Assert.DoesNotMatch(@"^\d{4}-", stderrOnly[0].Text);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    [Fact]
    public async Task Logs_BeforeApi142_AreLabelledRawLikeTheDaemonDid()
    {
        using var response = await _http.GetAsync("/v1.41/containers/sonarr/logs?stdout=1&tail=2", Cancel);

        Assert.Equal("application/vnd.docker.raw-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, ParseFrames(await response.Content.ReadAsByteArrayAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Logs_Follow_StreamsNewLinesUntilTheContainerStops()
    {
        const string Name = "homepage";
        using var response = await _http.GetAsync($"/v1.52/containers/{Name}/logs?stdout=1&stderr=1&timestamps=1&tail=0&follow=1", HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var body = await response.Content.ReadAsStreamAsync(Cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));

        var header = new byte[8];
        await body.ReadExactlyAsync(header, deadline.Token);
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4))];
        await body.ReadExactlyAsync(payload, deadline.Token);
        Assert.Equal(1, header[0]);

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync($"/v1.52/containers/{Name}/stop"));
        var rest = new MemoryStream();
        await body.CopyToAsync(rest, deadline.Token);
        Assert.False(deadline.IsCancellationRequested, "the follow stream did not end when the container stopped");
    }

    [Fact]
    public async Task Events_StopByOneClient_ReachesAnotherAsKillDieAndStop()
    {
        const string Name = "homebox";
        using var response = await _http.GetAsync("/v1.52/events?filters=" + Uri.EscapeDataString("""{"type":["container"]}"""), HttpCompletionOption.ResponseHeadersRead, Cancel);
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
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync($"/v1.52/containers/{Name}/restart"));
        var after = DateTimeOffset.UtcNow;

        var filters = Uri.EscapeDataString($$"""{"container":["{{Name}}"],"event":["die","start"]}""");
        var body = await _http.GetStringAsync($"/v1.52/events?since={DockerTime.FormatUnix(before)}&until={DockerTime.FormatUnix(after)}&filters={filters}", Cancel);

        var actions = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Action").GetString()).ToList();
        Assert.Equal(["die", "start"], actions);
    }

    [Fact]
    public async Task Stats_StreamFalse_WaitsForASecondReadingAndFillsPreCpu()
    {
        using var stats = await GetJsonAsync("/v1.52/containers/jellyfin/stats?stream=false");
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
        using var stats = await GetJsonAsync("/v1.52/containers/jellyfin/stats?stream=false&one-shot=true");
        var pre = stats.RootElement.GetProperty("precpu_stats");

        Assert.False(pre.TryGetProperty("system_cpu_usage", out _));
        Assert.Equal(0ul, pre.GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.Equal(DockerSimJsonZeroTime, stats.RootElement.GetProperty("preread").GetString());
    }

    [Fact]
    public async Task Stats_Streaming_SendsAReadingPerSecondEachBasedOnTheLast()
    {
        using var response = await _http.GetAsync("/v1.52/containers/prometheus/stats", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));

        using var first = JsonDocument.Parse((await reader.ReadLineAsync(Cancel))!);
        using var second = JsonDocument.Parse((await reader.ReadLineAsync(Cancel))!);

        Assert.Equal(DockerSimJsonZeroTime, first.RootElement.GetProperty("preread").GetString());
        Assert.Equal(first.RootElement.GetProperty("read").GetString(), second.RootElement.GetProperty("preread").GetString());
        Assert.Equal(
            first.RootElement.GetProperty("cpu_stats").GetProperty("system_cpu_usage").GetUInt64(),
            second.RootElement.GetProperty("precpu_stats").GetProperty("system_cpu_usage").GetUInt64());
    }

    [Fact]
    public async Task Stats_StoppedContainer_IsZeroedWithLimitZero()
    {
        using var stats = await GetJsonAsync("/v1.52/containers/lncrawl/stats?stream=false");
        var memory = stats.RootElement.GetProperty("memory_stats");

        Assert.Equal(0, memory.GetProperty("limit").GetInt64());
        Assert.Equal(0, memory.GetProperty("usage").GetInt64());
        Assert.Equal(0ul, stats.RootElement.GetProperty("cpu_stats").GetProperty("cpu_usage").GetProperty("total_usage").GetUInt64());
        Assert.Equal(DockerSimJsonZeroTime, stats.RootElement.GetProperty("read").GetString());
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

    private const string DockerSimJsonZeroTime = "0001-01-01T00:00:00Z";

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    private async Task<HttpStatusCode> PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, null, Cancel);
        return response.StatusCode;
    }

    private async Task<string> StateAsync(string name)
    {
        using var inspect = await GetJsonAsync($"/v1.52/containers/{name}/json");
        return inspect.RootElement.GetProperty("State").GetProperty("Status").GetString()!;
    }

    private async Task<DateTimeOffset?> StartedAtAsync(string name)
    {
        using var inspect = await GetJsonAsync($"/v1.52/containers/{name}/json");
        return DockerTime.ParseRfc3339(inspect.RootElement.GetProperty("State").GetProperty("StartedAt").GetString());
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return error.RootElement.GetProperty("message").GetString();
    }

    private static List<string> Names(JsonDocument list) =>
        [.. list.RootElement.EnumerateArray().Select(c => c.GetProperty("Names")[0].GetString()!)];

    private static List<(byte Stream, string Text)> ParseFrames(byte[] bytes)
    {
        var frames = new List<(byte, string)>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            Assert.True(bytes.Length - offset >= 8, "a truncated frame header");
            Assert.Equal([0, 0, 0], bytes[(offset + 1)..(offset + 4)]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 4));
            frames.Add((bytes[offset], Encoding.UTF8.GetString(bytes, offset + 8, length)));
            offset += 8 + length;
        }

        return frames;
    }
}
