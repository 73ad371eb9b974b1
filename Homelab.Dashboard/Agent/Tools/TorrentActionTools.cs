using System.ComponentModel;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>State-changing tools over qBittorrent: one torrent, or all of them, each after a person's approval.</summary>
internal sealed class TorrentActionTools(ToolContext context, ActionProposer proposer)
{
    public IEnumerable<AgentTool> Create() =>
    [
        ToolFactory.Create(PauseTorrentAsync, "pause_torrent", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(ResumeTorrentAsync, "resume_torrent", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(RecheckTorrentAsync, "recheck_torrent", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(DeleteTorrentAsync, "delete_torrent", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(PauseAllTorrentsAsync, "pause_all_torrents", ToolEffect.ChangesState, context.ResultLimit),
        ToolFactory.Create(ResumeAllTorrentsAsync, "resume_all_torrents", ToolEffect.ChangesState, context.ResultLimit),
    ];

    [Description("Pauses one torrent: it stops downloading and seeding until resumed. Changes state: the user must approve it first.")]
    public Task<string> PauseTorrentAsync([Description("The torrent's hash (or its first 10 characters), or words from its name")] string torrent, CancellationToken cancellationToken = default) =>
        OneAsync("pause_torrent", torrent, TorrentCommand.Pause, deleteFiles: false, cancellationToken);

    [Description("Resumes a paused or errored torrent. Changes state: the user must approve it first.")]
    public Task<string> ResumeTorrentAsync([Description("The torrent's hash (or its first 10 characters), or words from its name")] string torrent, CancellationToken cancellationToken = default) =>
        OneAsync("resume_torrent", torrent, TorrentCommand.Resume, deleteFiles: false, cancellationToken);

    [Description("Verifies every piece of a torrent against its hashes; it neither downloads nor seeds meanwhile. Changes state: the user must approve it first.")]
    public Task<string> RecheckTorrentAsync([Description("The torrent's hash (or its first 10 characters), or words from its name")] string torrent, CancellationToken cancellationToken = default) =>
        OneAsync("recheck_torrent", torrent, TorrentCommand.Recheck, deleteFiles: false, cancellationToken);

    [Description("Removes a torrent from qBittorrent; with delete_files it also deletes the downloaded files from disk, which cannot be undone. Changes state: the user must approve it first.")]
    public Task<string> DeleteTorrentAsync(
        [Description("The torrent's hash (or its first 10 characters), or words from its name")] string torrent,
        [Description("Also delete the downloaded files from disk; default false keeps them")] bool delete_files = false,
        CancellationToken cancellationToken = default) =>
        OneAsync("delete_torrent", torrent, TorrentCommand.Delete, delete_files, cancellationToken);

    [Description("Pauses every torrent: all downloads and seeding stop until resumed. Changes state: the user must approve it first.")]
    public Task<string> PauseAllTorrentsAsync(CancellationToken cancellationToken = default) =>
        AllAsync("pause_all_torrents", TorrentCommand.Pause, cancellationToken);

    [Description("Resumes every paused torrent. Changes state: the user must approve it first.")]
    public Task<string> ResumeAllTorrentsAsync(CancellationToken cancellationToken = default) =>
        AllAsync("resume_all_torrents", TorrentCommand.Resume, cancellationToken);

    private async Task<string> OneAsync(string toolName, string torrent, TorrentCommand command, bool deleteFiles, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        if (context.Unavailable(snapshot, SourceIds.QBittorrent, "qBittorrent", snapshot.Downloads is not null) is { } why)
        {
            return context.Error($"{why}; nothing was done");
        }

        var found = ToolTargets.Torrent(snapshot.Downloads!, torrent);
        if (found.Value is not { } t)
        {
            return context.Error(found.Error!);
        }

        if (!command.AppliesTo(t.State))
        {
            return context.Error($"{UntrustedText.Inline(t.Name, 120)} is {t.State.Label()}, so {toolName} does not apply; nothing was done");
        }

        // The same request the torrents page confirms (TorrentRowModel): a nameless torrent goes by its hash.
        var named = string.IsNullOrEmpty(t.Name) ? t with { Name = t.Hash } : t;
        var arguments = deleteFiles ? $"{torrent.Trim()} delete_files=true" : torrent.Trim();
        return await proposer.ProposeAsync(toolName, arguments, TorrentCommandRequest.ForOne(named, command, deleteFiles), cancellationToken);
    }

    private async Task<string> AllAsync(string toolName, TorrentCommand command, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        if (context.Unavailable(snapshot, SourceIds.QBittorrent, "qBittorrent", snapshot.Downloads is not null) is { } why)
        {
            return context.Error($"{why}; nothing was done");
        }

        return await proposer.ProposeAsync(toolName, "", TorrentCommandRequest.ForAll(command), cancellationToken);
    }
}
