using Homelab.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>
/// Base for pages and controls that show the live homelab: subscribes once the circuit is interactive, keeps
/// <see cref="Snapshot"/> current by applying each batch of changes, and re-renders.
/// </summary>
/// <remarks>
/// During prerendering it only reads the current snapshot (no subscription). The subscription is cancelled and its
/// loop awaited on dispose, so no render happens after the component is gone.
/// </remarks>
public abstract class LiveComponentBase : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private Task? _loop;

    [Inject]
    public required ILiveHomelab Live { get; init; }

    /// <summary>The homelab as this component currently shows it.</summary>
    protected HomelabSnapshot Snapshot { get; private set; } = HomelabSnapshot.Empty;

    protected override void OnInitialized()
    {
        if (!RendererInfo.IsInteractive)
        {
            Snapshot = Live.Current;
            OnSnapshotChanged([]);
            return;
        }

        var subscription = Live.Subscribe(_cts.Token);
        Snapshot = subscription.Initial;
        OnSnapshotChanged([]);
        _loop = Task.Run(() => WatchAsync(subscription.Changes, _cts.Token));
    }

    /// <summary>Called after <see cref="Snapshot"/> changed (on the renderer's context), before re-rendering.</summary>
    /// <param name="changes">The changes just applied; empty for the initial snapshot.</param>
    protected virtual void OnSnapshotChanged(IReadOnlyList<HomelabChange> changes)
    {
    }

    /// <summary>Whether these changes matter to this component; others are applied without re-rendering.</summary>
    protected virtual bool ShouldRender(IReadOnlyList<HomelabChange> changes) => true;

    private async Task WatchAsync(IAsyncEnumerable<IReadOnlyList<HomelabChange>> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in changes.WithCancellation(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    Snapshot = Snapshot.Apply(batch);
                    OnSnapshotChanged(batch);
                    if (ShouldRender(batch))
                    {
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _cts.Dispose();
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived component holds.</summary>
    protected virtual ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
}
