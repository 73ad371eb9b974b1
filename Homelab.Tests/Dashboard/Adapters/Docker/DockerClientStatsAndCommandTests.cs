using System.Net;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using static Homelab.Tests.Dashboard.Adapters.Docker.DockerTestClients;

namespace Homelab.Tests.Dashboard.Adapters.Docker;

public sealed class DockerClientStatsAndCommandTests
{
    [Fact]
    public async Task GetStatsAsync_CgroupV2OneShot_ReadsCountersAndLeavesPreCpuEmpty()
    {
        var (client, handler) = Create(_ => TestHttpMessageHandler.Json("""
            {"read":"2026-05-01T10:00:02.1Z","preread":"0001-01-01T00:00:00Z",
             "cpu_stats":{"cpu_usage":{"total_usage":905000000000},"system_cpu_usage":88000000000000,"online_cpus":8},
             "precpu_stats":{"cpu_usage":{"total_usage":0},"throttling_data":{"periods":0}},
             "memory_stats":{"usage":524288000,"limit":8589934592,"stats":{"inactive_file":104857600}},
             "networks":{"eth0":{"rx_bytes":1200000,"tx_bytes":340000}},"pids_stats":{"current":23}}
            """));

        var result = await client.GetStatsAsync("jellyfin", TestContext.Current.CancellationToken);

        var sample = result.Value;
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 2, 100, TimeSpan.Zero), sample.Read);
        Assert.Equal(905_000_000_000ul, sample.CpuTotalUsage);
        Assert.Equal(88_000_000_000_000ul, sample.SystemCpuUsage);
        Assert.Equal(8u, sample.OnlineCpus);
        Assert.Null(sample.PreCpuTotalUsage);
        Assert.Null(sample.PreSystemCpuUsage);
        Assert.Equal(524_288_000ul, sample.MemoryUsage);
        Assert.Equal(8_589_934_592ul, sample.MemoryLimit);
        Assert.Equal(104_857_600ul, sample.InactiveFile);
        Assert.Null(sample.TotalInactiveFile);
        Assert.Equal("/v1.52/containers/jellyfin/stats?stream=false&one-shot=true", handler.Requests[^1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task GetStatsAsync_CgroupV1WithPreCpu_ReadsPerCpuAndTotalInactiveFile()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""
            {"read":"2026-05-01T10:00:02.123456789Z",
             "cpu_stats":{"cpu_usage":{"total_usage":905000000000,"percpu_usage":[1,2,3,4]},"system_cpu_usage":88000000000000},
             "precpu_stats":{"cpu_usage":{"total_usage":904500000000},"system_cpu_usage":87992000000000},
             "memory_stats":{"usage":524288000,"limit":8589934592,"stats":{"total_inactive_file":24288000,"inactive_file":1000}}}
            """));

        var sample = (await client.GetStatsAsync("sonarr", TestContext.Current.CancellationToken)).Value;

        Assert.Null(sample.OnlineCpus);
        Assert.Equal(4, sample.PerCpuCount);
        Assert.Equal(904_500_000_000ul, sample.PreCpuTotalUsage);
        Assert.Equal(87_992_000_000_000ul, sample.PreSystemCpuUsage);
        Assert.Equal(24_288_000ul, sample.TotalInactiveFile);
        Assert.Equal(500_000_000ul, DockerStatsMath.MemoryUsed(sample));
        Assert.Equal(25.0, DockerStatsMath.CpuPercent(sample, previous: null)!.Value, precision: 9);
    }

    [Fact]
    public async Task GetStatsAsync_StoppedContainer_ReadsZeroesAndLimitZero()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json("""
            {"read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z","pids_stats":{},"blkio_stats":{"io_service_bytes_recursive":null},
             "cpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},"throttling_data":{"periods":0}},
             "precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{},"name":"/lncrawl","id":"9c"}
            """));
        var before = DateTimeOffset.UtcNow;

        var sample = (await client.GetStatsAsync("lncrawl", TestContext.Current.CancellationToken)).Value;

        Assert.True(sample.Read >= before, "a zero read time is replaced by the time of the call");
        Assert.Equal(0ul, sample.CpuTotalUsage);
        Assert.Null(sample.SystemCpuUsage);
        Assert.Null(sample.MemoryUsage);
        Assert.Null(sample.MemoryLimit);
        Assert.Null(DockerStatsMath.CpuPercent(sample, previous: null));
    }

    [Theory]
    [InlineData(ContainerCommand.Start, HttpStatusCode.NoContent, ContainerCommandOutcome.Done, "start")]
    [InlineData(ContainerCommand.Start, HttpStatusCode.NotModified, ContainerCommandOutcome.AlreadyInState, "start")]
    [InlineData(ContainerCommand.Stop, HttpStatusCode.NoContent, ContainerCommandOutcome.Done, "stop?t=10")]
    [InlineData(ContainerCommand.Stop, HttpStatusCode.NotModified, ContainerCommandOutcome.AlreadyInState, "stop?t=10")]
    [InlineData(ContainerCommand.Restart, HttpStatusCode.NoContent, ContainerCommandOutcome.Done, "restart?t=10")]
    public async Task SendCommandAsync_DockerAnswers_MapsToOutcome(ContainerCommand command, HttpStatusCode status, ContainerCommandOutcome expected, string endpoint)
    {
        var (client, handler) = Create(_ => new HttpResponseMessage(status));

        var result = await client.SendCommandAsync("sonarr", command, TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Value);
        var sent = handler.Requests[^1];
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"/v1.52/containers/sonarr/{endpoint}", sent.Uri.PathAndQuery);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"message":"No such container: ghost"}""", SourceErrorKind.NotFound, "No such container: ghost")]
    [InlineData(HttpStatusCode.Conflict, """{"message":"container is marked for removal and cannot be started"}""", SourceErrorKind.Conflict, "container is marked for removal and cannot be started")]
    [InlineData(HttpStatusCode.InternalServerError, """{"message":"failed to create task for container: OCI runtime create failed"}""", SourceErrorKind.UpstreamError, "failed to create task for container: OCI runtime create failed")]
    public async Task SendCommandAsync_DockerRefuses_IsErrorWithDockersMessage(HttpStatusCode status, string body, SourceErrorKind kind, string message)
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Json(body, status));

        var result = await client.SendCommandAsync("ghost", ContainerCommand.Start, TestContext.Current.CancellationToken);

        Assert.Equal(kind, result.Error?.Kind);
        Assert.Equal(message, result.Error!.Message);
        Assert.Equal((int)status, result.Error.StatusCode);
    }

    [Fact]
    public async Task SendCommandAsync_SocketProxyWithoutPost_IsForbiddenWithThePostHint()
    {
        var (client, _) = Create(_ => TestHttpMessageHandler.Text("Forbidden", HttpStatusCode.Forbidden));

        var result = await client.SendCommandAsync("sonarr", ContainerCommand.Restart, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Forbidden, result.Error?.Kind);
        Assert.Contains("POST=1", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("CONTAINERS=1", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommandAsync_StopLongerThanRequestTimeout_WaitsForTheGracePeriodToo()
    {
        // A real daemon answers a stop only once the container has exited, up to t=10 s later.
        var (client, _) = Create(async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1_200), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }, requestTimeout: TimeSpan.FromMilliseconds(300));

        var stop = await client.SendCommandAsync("sonarr", ContainerCommand.Stop, TestContext.Current.CancellationToken);
        var start = await client.SendCommandAsync("sonarr", ContainerCommand.Start, TestContext.Current.CancellationToken);

        Assert.Equal(ContainerCommandOutcome.Done, stop.Value);
        Assert.Equal(SourceErrorKind.Timeout, start.Error?.Kind);
    }

    [Fact]
    public async Task SendCommandAsync_ConnectionDropped_IsUnreachable()
    {
        var (client, _) = Create((_, _) => throw new HttpRequestException("An error occurred while sending the request.", new IOException("The response ended prematurely.")));

        var result = await client.SendCommandAsync("sonarr", ContainerCommand.Stop, TestContext.Current.CancellationToken);

        Assert.Equal(SourceErrorKind.Unreachable, result.Error?.Kind);
    }
}
