using Homelab.Domain.Common;

namespace Homelab.Domain.Downloads;

/// <summary>
/// One <c>sync/maindata</c> answer, parsed: the new <see cref="Rid"/>, whether it replaces everything
/// (<see cref="FullUpdate"/>), and what changed or went away since the rid the request named.
/// </summary>
public sealed record MainDataUpdate
{
    public required long Rid { get; init; }

    /// <summary>The server did not know the rid asked for (restart, new session): throw the cache away.</summary>
    public bool FullUpdate { get; init; }

    /// <summary>Changed torrents by hash, each with only its changed fields.</summary>
    public IReadOnlyDictionary<string, TorrentPatch> Torrents { get; init; } = new Dictionary<string, TorrentPatch>();

    public IReadOnlyCollection<string> TorrentsRemoved { get; init; } = [];

    /// <summary>Category names that appeared or changed.</summary>
    public IReadOnlyCollection<string> Categories { get; init; } = [];

    public IReadOnlyCollection<string> CategoriesRemoved { get; init; } = [];

    public TransferPatch? ServerState { get; init; }
}

/// <summary>What the client has told us so far, built from maindata answers. Immutable.</summary>
public sealed record MainDataState
{
    public static MainDataState Empty { get; } = new();

    /// <summary>The rid to ask with next; 0 asks for everything.</summary>
    public long Rid { get; init; }

    public EquatableDictionary<string, Torrent> Torrents { get; init; } = EquatableDictionary<string, Torrent>.Empty;

    public EquatableArray<string> Categories { get; init; } = EquatableArray<string>.Empty;

    public TransferInfo Transfer { get; init; } = new();
}

/// <summary>The new state and exactly what differs from the old one, for fan-out.</summary>
public sealed record MainDataMergeResult(MainDataState State, EquatableArray<Torrent> Upserted, EquatableArray<string> Removed, bool TransferChanged, bool CategoriesChanged)
{
    public bool HasChanges => Upserted.Count > 0 || Removed.Count > 0 || TransferChanged || CategoriesChanged;
}
