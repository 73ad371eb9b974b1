using System.Diagnostics;
using Homelab.Dashboard.Live;
using Homelab.Domain.Downloads;

namespace Homelab.Bench;

/// <summary>
/// The in-process cost of the torrent live path: merging a maindata diff (5,000 torrents, 1 % changed) and fanning
/// the change out to subscribers that apply it to their own snapshot, as each open page does.
/// </summary>
internal static class MergeBench
{
    public static async Task<(double MergeMicroseconds, double FanOutMicroseconds)> RunAsync(int torrents, int changedPerTick, int subscribers, int ticks)
    {
        var store = new LiveHomelabStore(TimeProvider.System, TimeSpan.Zero);
        var state = MainDataMerger.Merge(MainDataState.Empty, new MainDataUpdate
        {
            Rid = 1,
            FullUpdate = true,
            Torrents = Enumerable.Range(0, torrents).ToDictionary(i => Hash(i), i => new TorrentPatch
            {
                Name = $"Torrent {i}",
                State = TorrentState.Downloading,
                Progress = 0.1,
                Size = 1_000_000_000,
                DownloadSpeed = 100_000,
                Category = "linux",
            }),
        }).State;
        store.SetDownloads(MainDataMerger.Merge(MainDataState.Empty, new MainDataUpdate { Rid = 1, FullUpdate = true }), new TransferSample(DateTimeOffset.UtcNow, 0, 0));

        using var cts = new CancellationTokenSource();
        var applied = 0L;
        var readers = Enumerable.Range(0, subscribers).Select(_ => Task.Run(async () =>
        {
            var subscription = store.Subscribe(cts.Token);
            var snapshot = subscription.Initial;
            try
            {
                await foreach (var batch in subscription.Changes.WithCancellation(cts.Token))
                {
                    snapshot = snapshot.Apply(batch);
                    Interlocked.Add(ref applied, batch.Count);
                }
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        await Task.Delay(200);

        var random = new Random(1);
        var merge = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (var tick = 0; tick < ticks; tick++)
        {
            var changed = new HashSet<int>();
            while (changed.Count < changedPerTick)
            {
                changed.Add(random.Next(torrents));
            }

            var diff = changed.ToDictionary(Hash, _ => new TorrentPatch { Progress = random.NextDouble(), DownloadSpeed = random.Next(1_000_000) });
            var clock = Stopwatch.StartNew();
            var result = MainDataMerger.Merge(state, new MainDataUpdate { Rid = tick + 2, Torrents = diff });
            merge += clock.Elapsed;
            state = result.State;
            store.SetDownloads(result, new TransferSample(DateTimeOffset.UtcNow, 1, 1));
        }

        // Wait until every subscriber has applied every tick, so the fan-out's cost is all inside the measured time.
        var expected = (long)ticks * subscribers;
        while (Interlocked.Read(ref applied) < expected)
        {
            await Task.Delay(1);
        }

        total.Stop();
        await cts.CancelAsync();
        await Task.WhenAll(readers);
        return (merge.TotalMicroseconds / ticks, (total.Elapsed - merge).TotalMicroseconds / ticks);
    }

    private static string Hash(int i) => i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
}
