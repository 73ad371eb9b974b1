using System.Diagnostics;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Homelab.Dashboard.Hubs;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Tests.Integration;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Homelab.Tests.Browser;

/// <summary>
/// The two wall-clock promises: a hub client hears a Docker change within 1 s, an open page shows it within 2 s.
/// </summary>
/// <remarks>
/// They run in their own collection with parallelisation off, so xunit runs them after everything else, alone: timed
/// against a machine busy with a thousand other tests they would measure the machine, not the dashboard. The
/// benchmark (<c>bench/run.sh</c>) measures the same path under load with percentiles.
/// </remarks>
[Collection(LatencyCollection.Name)]
public sealed class LatencyTests(BrowserFixture fixture)
{
    private async Task WaitForRunningAsync(string container)
    {
        var live = fixture.App.Services.GetRequiredService<ILiveHomelab>();
        await HomelabAppFactory.WaitForAsync(
            () => live.Current.FindHost("docker-server")?.Containers.Any(c => c.Name == container && c.State == ContainerState.Running) == true,
            TimeSpan.FromSeconds(15),
            $"{container} running");
    }

    [Fact]
    public async Task ContainersChanged_ContainerStoppedByAnotherClient_ArrivesWithinOneSecond()
    {
        await WaitForRunningAsync("bazarr");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.App.BaseAddress, HomelabHub.Path))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        var changes = Channel.CreateUnbounded<ContainersChanged>();
        connection.On<long, ContainersChanged>(nameof(IHomelabHubClient.ContainersChanged), (_, change) => changes.Writer.TryWrite(change));
        using var docker = new HttpClient { BaseAddress = fixture.App.SimulatedDockerUrl };

        var stopped = await docker.PostAsync("/v1.47/containers/bazarr/stop?t=1", null);
        var clock = Stopwatch.StartNew();
        stopped.EnsureSuccessStatusCode();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var change = await changes.Reader.ReadAsync(timeout.Token);
            if (change.Upserted.Any(c => c.Name == "bazarr" && c.State == ContainerState.Exited))
            {
                break;
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"change arrived after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Containers_StoppedByAnotherClient_FlipsInAnOpenPageWithinTwoSeconds()
    {
        await WaitForRunningAsync("sonarr");
        var page = await fixture.OpenAsync("/containers");
        var state = page.GetByTestId("container-row-sonarr").GetByTestId("container-state");
        await Assertions.Expect(state).ToHaveTextAsync("running");
        using var docker = new HttpClient { BaseAddress = fixture.App.SimulatedDockerUrl };

        var response = await docker.PostAsync("/v1.47/containers/sonarr/stop?t=1", null);
        response.EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();

        await Assertions.Expect(state).ToHaveTextAsync("exited", new LocatorAssertionsToHaveTextOptions { Timeout = 5_000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"flipped after {clock.ElapsedMilliseconds} ms");
        await page.Context.CloseAsync();
    }
}

/// <summary>Its own dashboard and browser, run after the parallel tests and alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LatencyCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Latency";
}
