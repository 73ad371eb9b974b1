using Homelab.Dashboard.Live;
using Homelab.Domain.Containers;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Homelab.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Live;

public sealed class LiveHomelabStoreTests
{
    private readonly FakeTimeProvider _time = new(TestData.Start);

    private LiveHomelabStore CreateStore() => new(_time, TimeSpan.Zero);

    [Fact]
    public async Task Subscribe_ThenContainersChange_StreamsOnlyWhatChanged()
    {
        var store = CreateStore();
        var sonarr = TestData.Container("sonarr");
        var radarr = TestData.Container("radarr");
        store.SetContainers("docker-server", [sonarr, radarr], TestData.Start);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var subscription = store.Subscribe(cts.Token);
        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);

        store.SetContainers("docker-server", [sonarr with { State = ContainerState.Exited }, radarr], TestData.Start);

        Assert.True(await changes.MoveNextAsync());
        var change = Assert.IsType<ContainersChanged>(Assert.Single(changes.Current));
        Assert.Equal("sonarr", Assert.Single(change.Upserted).Name);
        Assert.Empty(change.Removed);
        Assert.Equal(2, subscription.Initial.FindHost("docker-server")!.Containers.Count);
    }

    [Fact]
    public void SetContainers_NothingChanged_PublishesNothing()
    {
        var store = CreateStore();
        var containers = new[] { TestData.Container("sonarr") };
        store.SetContainers("docker-server", containers, TestData.Start);
        var version = store.Current.Version;

        store.SetContainers("docker-server", [TestData.Container("sonarr")], TestData.Start.AddSeconds(5));

        Assert.Equal(version, store.Current.Version);
    }

    [Fact]
    public void SetContainers_ContainerGone_PublishesRemoval()
    {
        var store = CreateStore();
        var sonarr = TestData.Container("sonarr");
        store.SetContainers("docker-server", [sonarr, TestData.Container("radarr")], TestData.Start);

        store.SetContainers("docker-server", [TestData.Container("radarr")], TestData.Start);

        var names = store.Current.FindHost("docker-server")!.Containers.Select(c => c.Name);
        Assert.Equal(["radarr"], names);
    }

    [Fact]
    public async Task Subscribe_SnapshotPlusChanges_EqualsStoreState()
    {
        var store = CreateStore();
        store.RegisterSource(TestData.Source("docker/docker-server"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var subscription = store.Subscribe(cts.Token);
        for (var i = 0; i < 20; i++)
        {
            store.SetContainers("docker-server", [TestData.Container($"c{i % 4}"), TestData.Container("fixed", i % 2 == 0 ? ContainerState.Running : ContainerState.Exited)], TestData.Start);
            store.UpdateSource("docker/docker-server", s => s.WithSuccess(TestData.Start.AddSeconds(i), TimeSpan.FromMilliseconds(i)));
        }

        var view = subscription.Initial;
        await foreach (var batch in subscription.Changes.WithCancellation(cts.Token))
        {
            view = view.Apply(batch);
            if (view.Version == store.Current.Version)
            {
                break;
            }
        }

        Assert.Equal(store.Current, view);
    }

    [Fact]
    public async Task Subscribe_Cancelled_RemovesSubscriber()
    {
        var store = CreateStore();
        using var cts = new CancellationTokenSource();
        var subscription = store.Subscribe(cts.Token);
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in subscription.Changes.WithCancellation(cts.Token))
            {
            }
        });
        Assert.Equal(1, store.SubscriberCount);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);

        Assert.Equal(0, store.SubscriberCount);
    }

    [Fact]
    public void Subscribe_NeverRead_UnsubscribesOnCancel()
    {
        var store = CreateStore();
        using var cts = new CancellationTokenSource();
        _ = store.Subscribe(cts.Token);

        cts.Cancel();

        Assert.Equal(0, store.SubscriberCount);
    }

    [Fact]
    public async Task Publish_SubscriberFarBehind_GetsOneReset()
    {
        var store = CreateStore();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var subscription = store.Subscribe(cts.Token);

        for (var i = 0; i <= LiveHomelabStore.MaxQueuedChanges + 5; i++)
        {
            store.SetContainers("docker-server", [TestData.Container("busy", i % 2 == 0 ? ContainerState.Running : ContainerState.Exited)], TestData.Start);
        }

        await using var changes = subscription.Changes.GetAsyncEnumerator(cts.Token);
        Assert.True(await changes.MoveNextAsync());
        Assert.True(changes.Current.Count < 50, "the backlog was replaced, not delivered");
        Assert.Equal(store.Current.Version, subscription.Initial.Apply(changes.Current).Version);
    }

    [Fact]
    public void RefreshHealth_NoSuccessForTwoIntervals_PublishesStale()
    {
        var store = CreateStore();
        store.RegisterSource(TestData.Source("proxmox", SourceKind.Proxmox));
        store.UpdateSource("proxmox", s => s.WithSuccess(_time.GetUtcNow(), TimeSpan.FromMilliseconds(20)));

        _time.Advance(TimeSpan.FromSeconds(5));
        store.RefreshHealth();
        Assert.Equal(SourceHealth.Fresh, store.Current.FindSource("proxmox")!.Health);

        _time.Advance(TimeSpan.FromSeconds(2));
        store.RefreshHealth();
        Assert.Equal(SourceHealth.Stale, store.Current.FindSource("proxmox")!.Health);
    }

    [Fact]
    public void SetCluster_OnlyTimestampDiffers_PublishesNothing()
    {
        var store = CreateStore();
        var cluster = TestData.Cluster(TestData.Node("pve"));
        store.SetCluster(cluster);
        var version = store.Current.Version;

        store.SetCluster(cluster with { UpdatedAt = TestData.Start.AddSeconds(3), Nodes = [TestData.Node("pve")] });

        Assert.Equal(version, store.Current.Version);
    }
}
