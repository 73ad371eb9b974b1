using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Live;
using Homelab.Domain.Actions;
using Homelab.Domain.Common;
using Homelab.Domain.Downloads;
using Microsoft.Extensions.Options;

namespace Homelab.Dashboard.Actions;

/// <summary>
/// Torrent commands: checks the torrents' state, sends the command, then reads them again (statelessly, not through
/// the live session) until they really are paused, running, rechecked or gone.
/// </summary>
internal sealed class TorrentCommandExecutor(SourceRegistry sources, IOptions<HomelabOptions> options, TimeProvider timeProvider) : IActionExecutor
{
    public bool CanExecute(HomelabAction action) => action is TorrentCommandRequest;

    public async Task<ActionResult> ExecuteAsync(HomelabAction action, long started, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var request = (TorrentCommandRequest)action;
        var poll = options.Value.Actions.PollInterval;
        ActionResult Result(ActionOutcome outcome, string message) => new(outcome, message, timeProvider.GetElapsedTime(started));
        if (sources.Torrents is not { } client)
        {
            return Result(ActionOutcome.Failed, "qBittorrent is not configured");
        }

        IReadOnlyCollection<string>? selection = request.All ? null : request.Hashes.AsImmutableArray();
        var before = await client.GetTorrentsAsync(selection, cancellationToken);
        if (!before.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"could not read the torrents: {before.Error.Message}");
        }

        if (!request.All && before.Value.Count == 0)
        {
            return Result(ActionOutcome.Failed, $"qBittorrent has no torrent {request.Display}");
        }

        if (request.Command is TorrentCommand.Pause or TorrentCommand.Resume && Reached(request.Command, before.Value, seenChecking: false))
        {
            return Result(ActionOutcome.Succeeded, ActionMessages.Already(request.Command == TorrentCommand.Pause ? "paused" : "running"));
        }

        var sent = await client.SendCommandAsync(request.Command, request.Hashes, request.DeleteFiles, cancellationToken);
        sources.RequestRefresh(SourceIds.QBittorrent);
        if (!sent.IsSuccess)
        {
            return Result(ActionOutcome.Failed, $"qBittorrent refused: {sent.Error.Message}");
        }

        var seenChecking = false;
        var expected = request.All ? null : request.Hashes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var now = await client.GetTorrentsAsync(selection, cancellationToken);
            if (now.IsSuccess)
            {
                var current = expected is null ? now.Value : now.Value.Where(t => expected.Contains(t.Hash)).ToEquatableArray();
                seenChecking |= current.Any(t => t.State.IsChecking());
                if (Reached(request.Command, current, seenChecking) && (request.Command != TorrentCommand.Delete || current.Count == 0))
                {
                    sources.RequestRefresh(SourceIds.QBittorrent);
                    return Result(ActionOutcome.Succeeded, Describe(request, current, timeProvider.GetElapsedTime(started)));
                }
            }

            if (timeProvider.GetUtcNow() + poll > deadline)
            {
                var state = now.IsSuccess ? StateWords(now.Value) : "in an unknown state";
                return Result(ActionOutcome.TimedOut, ActionMessages.NotReached(state, timeProvider.GetElapsedTime(started), now.IsSuccess ? null : now.Error.Message));
            }

            await Task.Delay(poll, timeProvider, cancellationToken);
        }
    }

    /// <summary>Whether every selected torrent shows the command's effect.</summary>
    private static bool Reached(TorrentCommand command, EquatableArray<Torrent> torrents, bool seenChecking) => command switch
    {
        TorrentCommand.Pause => torrents.All(t => t.State.IsStopped()),
        TorrentCommand.Resume => torrents.All(t => !t.State.IsStopped()),

        // A small torrent can be verified between two reads; leaving the checking state is what counts.
        TorrentCommand.Recheck => torrents.All(t => !t.State.IsChecking()) && (seenChecking || torrents.Count > 0),
        TorrentCommand.Delete => torrents.Count == 0,
        _ => false,
    };

    private static string Describe(TorrentCommandRequest request, EquatableArray<Torrent> torrents, TimeSpan elapsed)
    {
        var count = request.All ? $" {torrents.Count} torrent{(torrents.Count == 1 ? "" : "s")}" : "";
        return request.Command switch
        {
            TorrentCommand.Pause => ActionMessages.Reached($"paused{count}", elapsed),
            TorrentCommand.Resume => ActionMessages.Reached($"resumed{count}", elapsed) + (torrents.Count == 1 ? $": {torrents[0].State.Label()}" : ""),
            TorrentCommand.Recheck => ActionMessages.Reached("rechecked", elapsed) + (torrents.Count == 1 ? $": {torrents[0].Progress * 100:0.#}% present" : ""),
            TorrentCommand.Delete => ActionMessages.Reached(request.DeleteFiles ? "deleted with its files" : "removed (files kept)", elapsed),
            _ => ActionMessages.Reached("done", elapsed),
        };
    }

    private static string StateWords(EquatableArray<Torrent> torrents) =>
        torrents.Count == 0 ? "gone" : string.Join(", ", torrents.GroupBy(t => t.State.Label()).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()} {g.Key}"));
}
