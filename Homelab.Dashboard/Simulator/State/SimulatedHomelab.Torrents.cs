using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.State;

internal sealed partial class SimulatedHomelab
{
    /// <summary>qBittorrent's "infinite" ETA in seconds.</summary>
    internal const long InfiniteEta = 8_640_000;

    /// <summary>Above this qBittorrent reports the ratio as -1.</summary>
    private const double MaxRatio = 9_999;

    /// <summary>Share of the load-test extras that change each second.</summary>
    private const double SyntheticChurn = 0.01;

    private readonly List<SimTorrent> _torrents = [];
    private readonly Dictionary<string, SimTorrent> _torrentsByHash = new(StringComparer.Ordinal);
    private readonly List<SimTorrent> _synthetic = [];
    private long _downloadSpeedTotal;
    private long _uploadSpeedTotal;
    private double _sessionDownloaded;
    private double _sessionUploaded;
    private double _allTimeDownloaded = 9.1e12;
    private double _allTimeUploaded = 17.3e12;
    private double _dhtNodes = 340;

    /// <summary>How many torrents wait for a due transition (a recheck ending, an error coming back); 0 skips the check.</summary>
    private int _torrentTimers;

    /// <summary>Every torrent as the WebUI shows it, in a stable order.</summary>
    public IReadOnlyList<SimTorrentView> ReadTorrents() => Advance(now =>
    {
        var views = new SimTorrentView[_torrents.Count];
        for (var i = 0; i < views.Length; i++)
        {
            var torrent = _torrents[i];
            views[i] = torrent.View ??= TorrentView(torrent, now);
        }

        return (IReadOnlyList<SimTorrentView>)views;
    });

    public SimTransferView ReadTransfer() => Advance(_ =>
    {
        var online = TorrentsOnlineLocked();
        var das = _storage.First(s => s.Seed.Name == SimulatorTopology.DasStorage);
        var ratio = _allTimeDownloaded > 0 ? _allTimeUploaded / _allTimeDownloaded : 0;
        return new SimTransferView(
            _downloadSpeedTotal,
            _uploadSpeedTotal,
            (long)_sessionDownloaded,
            (long)_sessionUploaded,
            DownloadLimit: 0,
            UploadLimit: 0,
            (long)_allTimeDownloaded,
            (long)_allTimeUploaded,
            ratio.ToString("0.00", CultureInfo.InvariantCulture),
            Math.Max(0, das.Seed.Total - das.Used),
            online ? (int)_dhtNodes : 0,
            online ? "connected" : "disconnected",
            online ? _torrents.Where(t => !t.Synthetic).Sum(t => t.Seeds + t.Leechers) : 0,
            online ? "185.65.135.73" : "");
    });

    /// <summary>When the qbittorrent container last started; null while it is down. A new start ends every WebUI session.</summary>
    public DateTimeOffset? QBittorrentStartedAt => Advance(_ =>
        IsContainerRunningLocked("qbittorrent") ? _containers.First(c => c.Seed.Name == "qbittorrent").StartedAt : null);

    /// <summary>Pauses (5.x: stops) the torrents, or all when <paramref name="hashes"/> is null; unknown hashes are ignored, as qBittorrent does.</summary>
    public int PauseTorrents(IReadOnlyCollection<string>? hashes) => ChangeTorrents(hashes, (t, _) =>
    {
        if (t.Activity == SimTorrentActivity.Paused)
        {
            return false;
        }

        t.Activity = SimTorrentActivity.Paused;
        t.CheckingUntil = null;
        t.FailsAgainAt = null;
        DisconnectLocked(t);
        return true;
    });

    /// <summary>Resumes (5.x: starts) paused torrents; an errored one tries again and, its folder still unwritable, fails again.</summary>
    public int ResumeTorrents(IReadOnlyCollection<string>? hashes) => ChangeTorrents(hashes, (t, now) =>
    {
        if (t.Activity is not (SimTorrentActivity.Paused or SimTorrentActivity.Error))
        {
            return false;
        }

        if (t.Activity == SimTorrentActivity.Error)
        {
            t.FailsAgainAt = now + Scaled(4);
            _torrentTimers++;
        }

        t.Activity = SimTorrentActivity.Active;
        return true;
    });

    /// <summary>Verifies the data: the torrents pass through checking, for longer the bigger they are, then carry on as before.</summary>
    public int RecheckTorrents(IReadOnlyCollection<string>? hashes) => ChangeTorrents(hashes, (t, now) =>
    {
        if (t.Activity == SimTorrentActivity.Checking)
        {
            return false;
        }

        t.AfterCheck = t.Activity is SimTorrentActivity.Paused or SimTorrentActivity.Queued ? t.Activity : SimTorrentActivity.Active;
        t.Activity = SimTorrentActivity.Checking;
        t.CheckingUntil = now + Scaled(Math.Clamp(t.Size / 2e9, 1, 6));
        t.FailsAgainAt = null;
        _torrentTimers++;
        DisconnectLocked(t);
        return true;
    });

    /// <summary>Removes torrents from the client; with <paramref name="deleteFiles"/> their data leaves the DAS too.</summary>
    public int DeleteTorrents(IReadOnlyCollection<string>? hashes, bool deleteFiles)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ProcessDueLocked(now);
            var doomed = Select(hashes).ToList();
            foreach (var t in doomed)
            {
                _torrents.Remove(t);
                _torrentsByHash.Remove(t.Hash);
                _synthetic.Remove(t);
                if (deleteFiles)
                {
                    var das = _storage.First(s => s.Seed.Name == SimulatorTopology.DasStorage);
                    das.Used = Math.Max(0, das.Used - (long)t.Downloaded);
                }
            }

            if (doomed.Count > 0)
            {
                RenumberQueueLocked();
            }

            return doomed.Count;
        }
    }

    private int ChangeTorrents(IReadOnlyCollection<string>? hashes, Func<SimTorrent, DateTimeOffset, bool> change)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            ProcessDueLocked(now);
            var changed = 0;
            foreach (var t in Select(hashes))
            {
                if (change(t, now))
                {
                    t.View = null;
                    changed++;
                }
            }

            return changed;
        }
    }

    private IEnumerable<SimTorrent> Select(IReadOnlyCollection<string>? hashes) =>
        hashes is null ? _torrents : hashes.Select(h => _torrentsByHash.GetValueOrDefault(h.ToLowerInvariant())).OfType<SimTorrent>().Distinct();

    /// <summary>Torrents move data only while qBittorrent runs and gluetun's tunnel is up (its kill switch blocks the rest).</summary>
    private bool TorrentsOnlineLocked() => IsVpnConnectedLocked() && IsContainerRunningLocked("qbittorrent");

    private void SeedTorrents(DateTimeOffset now)
    {
        foreach (var seed in SimulatorTorrents.Seeds)
        {
            var downloaded = seed.Size * seed.Progress;
            var added = now - TimeSpan.FromDays(seed.AddedDaysAgo);
            AddTorrentLocked(new SimTorrent
            {
                Hash = TorrentHash("torrent/" + seed.Name),
                Name = seed.Name,
                Category = seed.Category,
                Tags = seed.Tags,
                SavePath = SimulatorTorrents.Categories[seed.Category],
                Size = seed.Size,
                AddedOn = added,
                DownloadRate = seed.DownloadRate,
                UploadRate = seed.UploadRate,
                Swarmless = seed.Swarmless,
                Activity = seed.Activity,
                Downloaded = downloaded,
                DownloadedFromPeers = downloaded,
                Uploaded = seed.Ratio * seed.Size,
                CompletedOn = seed.Progress >= 1 ? added + TimeSpan.FromHours(0.4 + seed.Size / 4e9) : null,
                LastActivity = now - TimeSpan.FromSeconds(seed.Size % 600),
                Seeds = seed.Activity == SimTorrentActivity.Active && !seed.Swarmless ? seed.Seeds : 0,
                Leechers = seed.Activity == SimTorrentActivity.Active ? seed.Leechers : 0,
                SeedsTarget = seed.Seeds,
                LeechersTarget = seed.Leechers,
            });
        }

        for (var i = 1; i <= _options.ExtraTorrents; i++)
        {
            var category = SimulatorTorrents.Categories.Keys.ElementAt(i % SimulatorTorrents.Categories.Count);
            var size = 100_000_000L + i * 7_919_333L % 9_900_000_000L;
            var synthetic = new SimTorrent
            {
                Hash = TorrentHash("synthetic/" + i.ToString(CultureInfo.InvariantCulture)),
                Name = $"Load.Test.Torrent.{i:D5}.mkv",
                Category = category,
                Tags = "load-test",
                SavePath = SimulatorTorrents.Categories[category],
                Size = size,
                AddedOn = now - TimeSpan.FromHours(1 + i % 2000),
                DownloadRate = 0,
                UploadRate = 100_000 + i % 17 * 30_000,
                Synthetic = true,
                Activity = SimTorrentActivity.Active,
                Downloaded = size,
                DownloadedFromPeers = size,
                Uploaded = size * (i % 37 / 10.0),
                CompletedOn = now - TimeSpan.FromMinutes(30 + i % 2000),
                LastActivity = now - TimeSpan.FromMinutes(i % 90),
                Seeds = i % 50,
            };
            AddTorrentLocked(synthetic);
            _synthetic.Add(synthetic);
        }

        RenumberQueueLocked();
        foreach (var t in _torrents.Where(t => !t.Synthetic))
        {
            SetSpeedsLocked(t, online: true, TimeSpan.FromSeconds(1));
            t.AverageSpeed = t.DownloadSpeed;
        }

        _downloadSpeedTotal = _torrents.Sum(t => t.DownloadSpeed);
        _uploadSpeedTotal = _torrents.Sum(t => t.UploadSpeed);
    }

    private void AddTorrentLocked(SimTorrent torrent)
    {
        _torrents.Add(torrent);
        _torrentsByHash[torrent.Hash] = torrent;
    }

    /// <summary>One step of every torrent: speeds wander, downloads progress and finish, seeders' ratios grow.</summary>
    private void UpdateTorrentDynamics(TimeSpan elapsed, DateTimeOffset now)
    {
        var seconds = elapsed.TotalSeconds;
        var online = TorrentsOnlineLocked();
        var finished = false;
        foreach (var t in _torrents)
        {
            if (t.Synthetic)
            {
                if (!online && (t.UploadSpeed != 0 || t.DownloadSpeed != 0))
                {
                    StopFlowLocked(t);
                    t.View = null;
                }

                continue;
            }

            if (t.Activity != SimTorrentActivity.Active || !online)
            {
                if (t.DownloadSpeed != 0 || t.UploadSpeed != 0 || (!online && t.Seeds + t.Leechers > 0))
                {
                    StopFlowLocked(t);
                    if (!online)
                    {
                        t.Seeds = 0;
                        t.Leechers = 0;
                    }

                    t.View = null;
                }

                continue;
            }

            SetSpeedsLocked(t, online, elapsed);
            var wasComplete = t.Complete;
            var fetched = Math.Min(t.Size - t.Downloaded, t.DownloadSpeed * seconds);
            t.Downloaded += fetched;
            t.DownloadedFromPeers += fetched;
            t.Uploaded += t.UploadSpeed * seconds;
            if (t.DownloadSpeed > 0 || t.UploadSpeed > 0)
            {
                t.LastActivity = now;
            }

            if (!wasComplete && t.Complete)
            {
                t.Downloaded = t.Size;
                t.CompletedOn = now;
                t.DownloadSpeed = 0;
                t.AverageSpeed = 0;
                finished = true;
            }

            t.View = null;
        }

        if (online)
        {
            ChurnSyntheticLocked(seconds, now);
        }

        if (finished)
        {
            // A download slot came free: the next queued torrent starts.
            if (_torrents.Where(t => t.Activity == SimTorrentActivity.Queued && !t.Complete).OrderBy(t => t.Priority).FirstOrDefault() is { } next)
            {
                next.Activity = SimTorrentActivity.Active;
            }

            RenumberQueueLocked();
        }

        long down = 0;
        long up = 0;
        foreach (var t in _torrents)
        {
            down += t.DownloadSpeed;
            up += t.UploadSpeed;
        }

        _downloadSpeedTotal = down;
        _uploadSpeedTotal = up;
        _sessionDownloaded += down * seconds;
        _sessionUploaded += up * seconds;
        _allTimeDownloaded += down * seconds;
        _allTimeUploaded += up * seconds;
        _dhtNodes = Wander(_dhtNodes, 340, 6, 120, 600);
    }

    /// <summary>Peers come and go; data flows at about the torrent's usual rate while there is someone to trade with.</summary>
    private void SetSpeedsLocked(SimTorrent t, bool online, TimeSpan elapsed)
    {
        if (!online || t.Activity != SimTorrentActivity.Active)
        {
            StopFlowLocked(t);
            return;
        }

        if (t.Complete && _random.NextDouble() < 0.015 * elapsed.TotalSeconds)
        {
            // A leecher turns up now and then, and leaves again: seeders flip between uploading and stalledUP.
            t.LeechersTarget = t.LeechersTarget == 0 ? 1 + _random.Next(4) : _random.NextDouble() < 0.5 ? 0 : t.LeechersTarget;
        }

        // Nobody in a swarmless torrent's swarm has the missing pieces: no seed ever turns up (drifting around zero
        // would connect one now and then, and the stalled download would flicker into downloading).
        t.Seeds = t.Swarmless && !t.Complete ? 0 : Drift(t.Seeds, t.SeedsTarget);
        t.Leechers = Drift(t.Leechers, t.LeechersTarget);
        t.UploadSpeed = t.Leechers > 0 && t.UploadRate > 0
            ? (long)Wander(Math.Max(t.UploadSpeed, t.UploadRate * 0.3), t.UploadRate, t.UploadRate * 0.2, t.UploadRate * 0.05, t.UploadRate * 3)
            : 0;
        if (t.Complete || t.Seeds == 0)
        {
            // Nothing left to fetch, or nobody to fetch it from (the stalled download).
            t.DownloadSpeed = 0;
            t.AverageSpeed = 0;
            return;
        }

        t.DownloadSpeed = (long)Wander(Math.Max(t.DownloadSpeed, t.DownloadRate * 0.5), t.DownloadRate, t.DownloadRate * 0.12, t.DownloadRate * 0.25, t.DownloadRate * 1.8);
        var weight = Math.Min(1, elapsed.TotalSeconds / 5);
        t.AverageSpeed += (t.DownloadSpeed - t.AverageSpeed) * weight;
    }

    private int Drift(int count, int target) => (int)Math.Round(Wander(count, target, Math.Max(0.6, target * 0.04), 0, target * 2 + 4));

    private static void StopFlowLocked(SimTorrent t)
    {
        t.DownloadSpeed = 0;
        t.UploadSpeed = 0;
        t.AverageSpeed = 0;
    }

    /// <summary>A paused or checking torrent keeps no peer connections.</summary>
    private static void DisconnectLocked(SimTorrent t)
    {
        StopFlowLocked(t);
        t.Seeds = 0;
        t.Leechers = 0;
    }

    /// <summary>About 1% of the load-test extras change each second: a burst of upload to a leecher, or its end.</summary>
    private void ChurnSyntheticLocked(double seconds, DateTimeOffset now)
    {
        if (_synthetic.Count == 0)
        {
            return;
        }

        var expected = _synthetic.Count * SyntheticChurn * seconds;
        var count = (int)expected + (_random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
        for (var i = 0; i < Math.Min(count, _synthetic.Count); i++)
        {
            var t = _synthetic[_random.Next(_synthetic.Count)];
            if (t.Activity != SimTorrentActivity.Active)
            {
                continue;
            }

            var uploading = t.UploadSpeed == 0;
            t.Uploaded += t.UploadSpeed * 60;
            t.UploadSpeed = uploading ? (long)(t.UploadRate * (0.5 + _random.NextDouble())) : 0;
            t.Leechers = uploading ? 1 + _random.Next(3) : 0;
            t.LastActivity = now;
            t.View = null;
        }
    }

    /// <summary>Due transitions: rechecks end, a resumed torrent whose folder is still unwritable fails again.</summary>
    private void ProcessTorrentsLocked(DateTimeOffset now)
    {
        // Runs on every read; with thousands of torrents and nothing due, skip the walk.
        if (_torrentTimers == 0)
        {
            return;
        }

        var pending = 0;
        foreach (var t in _torrents)
        {
            if (t.Activity == SimTorrentActivity.Checking && t.CheckingUntil is { } done && done <= now)
            {
                t.Activity = t.AfterCheck;
                t.CheckingUntil = null;
                t.View = null;
            }

            if (t.FailsAgainAt is { } fails && fails <= now)
            {
                t.FailsAgainAt = null;
                if (t.Activity == SimTorrentActivity.Active && !t.Complete)
                {
                    t.Activity = SimTorrentActivity.Error;
                    StopFlowLocked(t);
                    t.View = null;
                }
            }

            pending += (t.CheckingUntil is null ? 0 : 1) + (t.FailsAgainAt is null ? 0 : 1);
        }

        _torrentTimers = pending;
    }

    /// <summary>Queue positions 1…n for unfinished torrents in their current order; finished ones have none.</summary>
    private void RenumberQueueLocked()
    {
        var position = 0;
        foreach (var t in _torrents.Where(t => !t.Synthetic).OrderBy(t => t.Complete).ThenBy(t => t.Priority == 0 ? int.MaxValue : t.Priority))
        {
            var priority = t.Complete ? 0 : ++position;
            if (t.Priority != priority)
            {
                t.Priority = priority;
                t.View = null;
            }
        }
    }

    private static SimTorrentView TorrentView(SimTorrent t, DateTimeOffset now)
    {
        var complete = t.Complete;
        var state = t.Activity switch
        {
            SimTorrentActivity.Error => TorrentState.Error,
            SimTorrentActivity.Paused => complete ? TorrentState.StoppedUp : TorrentState.StoppedDown,
            SimTorrentActivity.Queued => complete ? TorrentState.QueuedUp : TorrentState.QueuedDown,
            SimTorrentActivity.Checking => complete ? TorrentState.CheckingUp : TorrentState.CheckingDown,
            _ when complete => t.UploadSpeed > 0 ? TorrentState.Uploading : TorrentState.StalledUp,
            _ => t.DownloadSpeed > 0 ? TorrentState.Downloading : TorrentState.StalledDown,
        };
        var downloaded = (long)t.Downloaded;
        var left = t.Size - downloaded;

        // qBittorrent divides by what came from peers, or by the data when (almost) all of it was already on disk.
        var divisor = t.DownloadedFromPeers < t.Size * 0.01 ? Math.Max(downloaded, 1) : t.DownloadedFromPeers;
        var ratio = t.Uploaded / divisor;
        var eta = state == TorrentState.Downloading && t.AverageSpeed > 1 ? Math.Min(InfiniteEta, (long)Math.Ceiling(left / t.AverageSpeed)) : InfiniteEta;
        var added = t.AddedOn.ToUnixTimeSeconds();
        return new SimTorrentView(
            t.Hash,
            t.Name,
            state,
            Math.Round(downloaded / (double)t.Size, 4),
            t.Size,
            downloaded,
            (long)t.DownloadedFromPeers,
            (long)t.Uploaded,
            left,
            t.DownloadSpeed,
            t.UploadSpeed,
            eta,
            ratio > MaxRatio ? -1 : Math.Round(ratio, 4),
            t.Category,
            t.Tags,
            added,
            t.CompletedOn?.ToUnixTimeSeconds() ?? -1,
            t.SavePath,
            t.Seeds,
            t.Leechers,
            Math.Max(t.Seeds, (int)(t.Seeds * 1.8)),
            Math.Max(t.Leechers, (int)(t.Leechers * 2.5)),
            t.Priority,
            TimeActive: (long)(now - t.AddedOn).TotalSeconds,
            SeedingTime: t.CompletedOn is { } completed ? (long)(now - completed).TotalSeconds : 0,
            LastActivity: t.LastActivity.ToUnixTimeSeconds());
    }

    /// <summary>A stable 40-hex-digit info-hash for a name.</summary>
    private static string TorrentHash(string key) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
}
