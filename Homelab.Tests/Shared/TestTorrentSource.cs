using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Tests.Shared;

/// <summary>A qBittorrent whose torrents the test holds; commands change them as qBittorrent would.</summary>
internal sealed class TestTorrentSource : ITorrentSource
{
    private readonly Dictionary<string, Torrent> _torrents = new(StringComparer.Ordinal);

    /// <summary>The next maindata answers, in order; when empty, an empty diff with the next rid.</summary>
    public Queue<SourceResult<MainDataUpdate>> MainData { get; } = new();

    public List<long> RequestedRids { get; } = [];

    public int ClientInfoCalls;

    public SourceResult<TorrentClientInfo> ClientInfo { get; set; } = SourceResult<TorrentClientInfo>.Ok(new TorrentClientInfo("v5.0.4", "2.11.2"));

    /// <summary>How a command changes a torrent; null answers the command but changes nothing.</summary>
    public Func<Torrent, TorrentCommand, Torrent?>? Effect { get; set; } = (torrent, command) => command switch
    {
        TorrentCommand.Pause => torrent with { State = torrent.Progress >= 1 ? TorrentState.StoppedUp : TorrentState.StoppedDown, DownloadSpeed = 0, UploadSpeed = 0 },
        TorrentCommand.Resume => torrent with { State = torrent.Progress >= 1 ? TorrentState.StalledUp : TorrentState.Downloading },
        TorrentCommand.Recheck => torrent with { State = TorrentState.CheckingDown },
        _ => torrent,
    };

    public SourceError? CommandError { get; set; }

    public List<(TorrentCommand Command, IReadOnlyCollection<string> Hashes, bool DeleteFiles)> Commands { get; } = [];

    public void Add(Torrent torrent)
    {
        lock (_torrents)
        {
            _torrents[torrent.Hash] = torrent;
        }
    }

    public Torrent Get(string hash)
    {
        lock (_torrents)
        {
            return _torrents[hash];
        }
    }

    public void Set(string hash, Func<Torrent, Torrent> change)
    {
        lock (_torrents)
        {
            _torrents[hash] = change(_torrents[hash]);
        }
    }

    public Task<SourceResult<TorrentClientInfo>> GetClientInfoAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ClientInfoCalls);
        return Task.FromResult(ClientInfo);
    }

    public Task<SourceResult<MainDataUpdate>> GetMainDataAsync(long rid, CancellationToken cancellationToken)
    {
        lock (RequestedRids)
        {
            RequestedRids.Add(rid);
        }

        return Task.FromResult(MainData.Count > 0 ? MainData.Dequeue() : SourceResult<MainDataUpdate>.Ok(new MainDataUpdate { Rid = rid + 1 }));
    }

    public Task<SourceResult<EquatableArray<Torrent>>> GetTorrentsAsync(IReadOnlyCollection<string>? hashes, CancellationToken cancellationToken)
    {
        lock (_torrents)
        {
            var selected = hashes is null ? _torrents.Values : _torrents.Values.Where(t => hashes.Contains(t.Hash));
            return Task.FromResult(SourceResult<EquatableArray<Torrent>>.Ok(selected.OrderBy(t => t.Hash, StringComparer.Ordinal).ToEquatableArray()));
        }
    }

    public Task<SourceResult<bool>> SendCommandAsync(TorrentCommand command, IReadOnlyCollection<string> hashes, bool deleteFiles, CancellationToken cancellationToken)
    {
        lock (Commands)
        {
            Commands.Add((command, hashes, deleteFiles));
        }

        if (CommandError is { } error)
        {
            return Task.FromResult(SourceResult<bool>.Fail(error));
        }

        lock (_torrents)
        {
            var targets = hashes.Count == 0 ? [.. _torrents.Keys] : hashes.Where(_torrents.ContainsKey).ToList();
            foreach (var hash in targets)
            {
                if (command == TorrentCommand.Delete)
                {
                    _torrents.Remove(hash);
                }
                else if (Effect?.Invoke(_torrents[hash], command) is { } changed)
                {
                    _torrents[hash] = changed;
                }
            }
        }

        return Task.FromResult(SourceResult<bool>.Ok(true));
    }
}
