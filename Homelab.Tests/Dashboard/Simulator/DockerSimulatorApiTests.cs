using System.Net;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Docker;

namespace Homelab.Tests.Dashboard.Simulator;

/// <summary>The simulated Docker Engine API over real HTTP, as any client sees it: system calls, the list, inspect, commands.</summary>
public sealed class DockerSimulatorApiTests(DockerSimulatorFixture fixture) : IClassFixture<DockerSimulatorFixture>, IDisposable
{
    private readonly DockerSimHttp _sim = new(fixture.DockerUrl);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Ping_GetAndHead_AnswerOkWithTheDaemonsHeaders()
    {
        using var get = await _sim.Http.GetAsync("/_ping", Cancel);
        using var head = await _sim.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"), Cancel);

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
            using var version = await _sim.GetJsonAsync(path);

            Assert.Equal("1.52", version.RootElement.GetProperty("ApiVersion").GetString());
            Assert.Equal("1.24", version.RootElement.GetProperty("MinAPIVersion").GetString());
            Assert.Equal("linux", version.RootElement.GetProperty("Os").GetString());
            Assert.Equal("Engine", version.RootElement.GetProperty("Components")[0].GetProperty("Name").GetString());
        }
    }

    [Fact]
    public async Task Info_DockerHost_CountsItsContainers()
    {
        using var info = await _sim.GetJsonAsync("/v1.52/info");
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
        using var response = await _sim.Http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await DockerSimHttp.MessageAsync(response));
    }

    [Theory]
    [InlineData("/v1.52/images/json")]
    [InlineData("/nothing/here")]
    public async Task UnknownRoute_Is404PageNotFound(string path)
    {
        using var response = await _sim.Http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("page not found", await DockerSimHttp.MessageAsync(response));
    }

    [Fact]
    public async Task ListContainers_All_IsTheSeedHomelabInDockersShape()
    {
        using var list = await _sim.GetJsonAsync("/v1.52/containers/json?all=1");
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
        using var list = await _sim.GetJsonAsync("/v1.52/containers/json");

        Assert.DoesNotContain(DockerSimHttp.Names(list), n => n == "/lncrawl");
        Assert.Contains(DockerSimHttp.Names(list), n => n == "/jellyfin");
    }

    [Theory]
    [InlineData("/v1.52/containers/json?all=1", true)]
    [InlineData("/containers/json?all=1", true)]
    [InlineData("/v1.51/containers/json?all=1", false)]
    [InlineData("/v1.41/containers/json?all=1", false)]
    public async Task ListContainers_Health_IsInTheListOnlyFromApi152(string path, bool hasHealth)
    {
        using var list = await _sim.GetJsonAsync(path);
        var linkwarden = list.RootElement.EnumerateArray().Single(c => c.GetProperty("Names")[0].GetString() == "/linkwarden");

        Assert.Equal(hasHealth, linkwarden.TryGetProperty("Health", out var health));
        Assert.EndsWith("(unhealthy)", linkwarden.GetProperty("Status").GetString(), StringComparison.Ordinal);
        if (hasHealth)
        {
            Assert.Equal("unhealthy", health.GetProperty("Status").GetString());
            Assert.True(health.GetProperty("FailingStreak").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task ListAndInspect_ContainerWithoutHealthCheck_LeaveHealthOutRatherThanNull()
    {
        // API 1.52 is where the list carries Health at all; bazarr runs without a health check.
        var listBody = await _sim.Http.GetStringAsync("/v1.52/containers/json?all=1", Cancel);
        var inspectBody = await _sim.Http.GetStringAsync("/v1.52/containers/bazarr/json", Cancel);
        using var list = JsonDocument.Parse(listBody);
        using var inspect = JsonDocument.Parse(inspectBody);

        var bazarr = list.RootElement.EnumerateArray().Single(c => c.GetProperty("Names")[0].GetString() == "/bazarr");
        Assert.False(bazarr.TryGetProperty("Health", out _));
        Assert.False(inspect.RootElement.GetProperty("State").TryGetProperty("Health", out _));
        Assert.False(inspect.RootElement.GetProperty("Config").TryGetProperty("Healthcheck", out _));
        Assert.DoesNotContain("\"Health\":null", listBody, StringComparison.Ordinal);
        Assert.DoesNotContain("null", inspectBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1.52/containers/ghost/json", """{"message":"No such container: ghost"}""")]
    [InlineData("/v1.52/containers/json?filters=%7B%22status%22%3A%5B%22%3Cup%3E%26%5C%22%C3%A9%22%5D%7D", """{"message":"invalid filter 'status=<up>&\"é'"}""")]
    public async Task Error_AnyCause_BodyIsExactlyTheMessageObjectAndANewline(string path, string expected)
    {
        using var response = await _sim.Http.GetAsync(path, Cancel);

        // Go's encoder: only the message key, no HTML escaping of < & é, and a trailing newline.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected + "\n", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("""{"name":["^/sonarr$"]}""", new[] { "/sonarr" })]
    [InlineData("""{"name":{"^/radarr$":true}}""", new[] { "/radarr" })]
    [InlineData("""{"label":["com.docker.compose.project=immich"]}""", new[] { "/immich-db", "/immich-machine-learning", "/immich-redis", "/immich-server" })]
    [InlineData("""{"status":["exited"],"name":["lncrawl"]}""", new[] { "/lncrawl" })]
    [InlineData("""{"label":["com.docker.compose.project=books"],"health":["healthy"],"name":["^/ka"]}""", new[] { "/kavita" })]
    public async Task ListContainers_Filters_SelectTheWayTheDaemonDoes(string filters, string[] expected)
    {
        using var list = await _sim.GetJsonAsync($"/v1.52/containers/json?all=true&filters={Uri.EscapeDataString(filters)}");

        Assert.Equal(expected, DockerSimHttp.Names(list).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListContainers_IdFilterAndLimit_Narrow()
    {
        using var all = await _sim.GetJsonAsync("/v1.52/containers/json?all=1");
        var id = all.RootElement[3].GetProperty("Id").GetString()!;

        using var byId = await _sim.GetJsonAsync($"/v1.52/containers/json?all=1&filters={Uri.EscapeDataString($$"""{"id":["{{id[..10]}}"]}""")}");
        using var limited = await _sim.GetJsonAsync("/v1.52/containers/json?limit=2");

        Assert.Equal(id, Assert.Single(byId.RootElement.EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(2, limited.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"color":["red"]}""")]
    [InlineData("not json")]
    public async Task ListContainers_BadFilter_Is400(string filters)
    {
        using var response = await _sim.Http.GetAsync($"/v1.52/containers/json?filters={Uri.EscapeDataString(filters)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid filter", await DockerSimHttp.MessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_ByNameIdOrIdPrefix_FindsTheSameContainer()
    {
        using var byName = await _sim.GetJsonAsync("/v1.52/containers/prowlarr/json");
        var id = byName.RootElement.GetProperty("Id").GetString()!;
        using var byId = await _sim.GetJsonAsync($"/v1.52/containers/{id}/json");
        using var byPrefix = await _sim.GetJsonAsync($"/containers/{id[..12]}/json");

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
        using var response = await _sim.Http.GetAsync("/v1.52/containers/ghost/json", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such container: ghost", await DockerSimHttp.MessageAsync(response));
    }

    [Fact]
    public async Task Inspect_Linkwarden_IsUnhealthyWithFailingChecksInItsLog()
    {
        using var inspect = await _sim.GetJsonAsync("/v1.52/containers/linkwarden/json");
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
            using var inspect = await _sim.GetJsonAsync("/v1.52/containers/unpackerr/json");
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

        Assert.Equal(HttpStatusCode.NoContent, await _sim.PostAsync($"/v1.52/containers/{Name}/stop?t=10"));
        Assert.Equal("exited", await _sim.StateAsync(Name));
        Assert.Equal(HttpStatusCode.NotModified, await _sim.PostAsync($"/v1.52/containers/{Name}/stop"));

        Assert.Equal(HttpStatusCode.NoContent, await _sim.PostAsync($"/v1.52/containers/{Name}/start"));
        Assert.Equal("running", await _sim.StateAsync(Name));
        Assert.Equal(HttpStatusCode.NotModified, await _sim.PostAsync($"/v1.52/containers/{Name}/start"));

        var startedBefore = await _sim.StartedAtAsync(Name);
        Assert.Equal(HttpStatusCode.NoContent, await _sim.PostAsync($"/v1.52/containers/{Name}/restart?t=5&signal=SIGTERM"));
        Assert.Equal("running", await _sim.StateAsync(Name));
        Assert.True(await _sim.StartedAtAsync(Name) > startedBefore);

        Assert.Equal(HttpStatusCode.NotFound, await _sim.PostAsync("/v1.52/containers/ghost/restart"));
    }
}
