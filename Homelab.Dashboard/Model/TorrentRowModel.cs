using Homelab.Domain.Actions;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Model;

/// <summary>One button of a torrent row, with everything its markup needs.</summary>
public sealed record TorrentRowCommand(TorrentCommandRequest Request, string TestId, string AriaLabel, string CssClass);

/// <summary>
/// A torrent row with every string its markup shows computed once. Nothing in it depends on the clock, so a row
/// changes only when its torrent does, and its component skips every other render.
/// </summary>
public sealed record TorrentRowModel
{
    /// <summary>The info-hash: the row's <c>@key</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The action target key (<c>torrent/{hash}</c>), for the busy indicator and the last result.</summary>
    public required string TargetKey { get; init; }

    public required Torrent Torrent { get; init; }

    public required string TestId { get; init; }

    /// <summary>The name, or the hash while qBittorrent is still fetching the metadata that carries it.</summary>
    public required string Name { get; init; }

    public required string StateWord { get; init; }

    public required string StateClass { get; init; }

    public required string Progress { get; init; }

    public required string ProgressWidth { get; init; }

    public required string Size { get; init; }

    public required string Down { get; init; }

    public required string Up { get; init; }

    public required string Eta { get; init; }

    public required string EtaTitle { get; init; }

    public required string Ratio { get; init; }

    public required string RatioTitle { get; init; }

    public required string Category { get; init; }

    public required string Added { get; init; }

    public required EquatableArray<TorrentRowCommand> Commands { get; init; }

    public static TorrentRowModel From(Torrent torrent)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        var name = string.IsNullOrEmpty(torrent.Name) ? torrent.Hash : torrent.Name;
        var group = TorrentText.StateGroup(torrent.State);
        return new TorrentRowModel
        {
            Key = torrent.Hash,
            TargetKey = TorrentCommandRequest.ForOne(torrent, TorrentCommand.Pause).TargetKey,
            Torrent = torrent,
            TestId = $"torrent-row-{torrent.Hash}",
            Name = name,
            StateWord = torrent.State.Label(),
            StateClass = $"hl-tstate hl-tstate-{group}",
            Progress = TorrentText.Progress(torrent.Progress),
            ProgressWidth = TorrentText.ProgressWidth(torrent.Progress),
            Size = UiFormat.Bytes(torrent.Size),
            Down = TorrentText.SpeedCell(torrent.DownloadSpeed),
            Up = TorrentText.SpeedCell(torrent.UploadSpeed),
            Eta = TorrentText.Eta(torrent),
            EtaTitle = TorrentText.EtaTitle(torrent),
            Ratio = TorrentText.Ratio(torrent.Ratio),
            RatioTitle = TorrentText.RatioTitle(torrent.Ratio),
            Category = string.IsNullOrEmpty(torrent.Category) ? "–" : torrent.Category,
            Added = TorrentText.Added(torrent.AddedOn),
            Commands = [.. CommandsFor(torrent.State).Select(command => new TorrentRowCommand(
                TorrentCommandRequest.ForOne(torrent with { Name = name }, command),
                $"action-{command.ToString().ToLowerInvariant()}",
                $"{command.Title()} {name}",
                $"hl-act hl-ico-{command.ToString().ToLowerInvariant()}{(command is TorrentCommand.Resume ? "" : " hl-act-disruptive")}"))],
        };
    }

    /// <summary>
    /// Pause or resume, whichever applies (an errored torrent is resumed to retry it, never offered both), then
    /// recheck unless it is checking already, then delete.
    /// </summary>
    public static IReadOnlyList<TorrentCommand> CommandsFor(TorrentState state)
    {
        var commands = new List<TorrentCommand>(3)
        {
            TorrentCommand.Resume.AppliesTo(state) ? TorrentCommand.Resume : TorrentCommand.Pause,
        };
        if (TorrentCommand.Recheck.AppliesTo(state))
        {
            commands.Add(TorrentCommand.Recheck);
        }

        commands.Add(TorrentCommand.Delete);
        return commands;
    }
}
