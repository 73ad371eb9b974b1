using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Containers;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Homelab.Dashboard.Components.Controls;

/// <summary>
/// A container's log: the last <see cref="TailLines"/> lines, and with <em>follow</em> on, new lines as they come.
/// Right-hand drawer on desktop, full screen on phones.
/// </summary>
/// <remarks>
/// The stream is read on a background task and cancelled when the drawer closes, shows another container, or the
/// component goes away. Lines are capped by <see cref="LogBuffer"/>; bursts are coalesced into one render.
/// </remarks>
public partial class ContainerLogDrawer : ComponentBase, IAsyncDisposable
{
    /// <summary>How many lines of history to show first.</summary>
    public const int TailLines = 200;

    /// <summary>Lines arriving within this window are shown with one render, so a chatty container costs little.</summary>
    private static readonly TimeSpan s_renderWindow = TimeSpan.FromMilliseconds(50);

    private LogBuffer _buffer = new();
    private bool _disposed;
    private CancellationTokenSource? _streamCts;
    private Task? _streamTask;
    private (string Host, string Id)? _showing;
    private IReadOnlyList<LogEntry> _lines = [];
    private long _dropped;
    private bool _follow;
    private bool _loading;
    private bool _scrollPending;
    private int _renderQueued;
    private ElementReference _logElement;

    /// <summary>The container whose log to show; null closes the drawer.</summary>
    [Parameter, EditorRequired]
    public required Container? Container { get; set; }

    /// <summary>The user closed the drawer.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Lines kept while following; older ones drop off the top.</summary>
    [Parameter]
    public int MaxLines { get; set; } = LogBuffer.DefaultCapacity;

    [Inject]
    internal SourceRegistry Sources { get; init; } = null!;

    [Inject]
    public required IJSRuntime JS { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if (_buffer.Capacity != MaxLines && _streamCts is null)
        {
            _buffer = new LogBuffer(MaxLines);
        }

        var target = Container is { } c ? (c.Host, c.Id) : ((string, string)?)null;
        if (target == _showing)
        {
            return;
        }

        await StopStreamAsync();
        _showing = target;
        _buffer.Clear();
        _lines = [];
        _dropped = 0;
        if (target is not null)
        {
            StartStream(_follow);
        }
    }

    private void StartStream(bool follow)
    {
        if (_showing is not { } target)
        {
            return;
        }

        _buffer.Clear();
        _lines = [];
        _loading = true;
        _scrollPending = true;
        _streamCts = new CancellationTokenSource();
        var token = _streamCts.Token;
        var request = new LogRequest(Tail: TailLines, Follow: follow);
        _streamTask = Task.Run(() => ReadAsync(target.Host, target.Id, request, token), token);
    }

    private async Task ReadAsync(string host, string containerId, LogRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (Sources.FindContainerHost(host) is not { } source)
            {
                _buffer.AddError($"no Docker host named {host} is configured");
                return;
            }

            var opened = await source.OpenLogsAsync(containerId, request, cancellationToken);
            if (!opened.IsSuccess)
            {
                _buffer.AddError($"could not read the log: {opened.Error.Message}");
                return;
            }

            await foreach (var line in opened.Value.WithCancellation(cancellationToken))
            {
                _buffer.Add(line);
                QueueRender();
            }

            if (request.Follow)
            {
                _buffer.AddError("the log stream ended (the container stopped or the connection dropped)");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            _buffer.AddError($"the log stream failed: {ex.Message}");
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                QueueRender(loaded: true);
            }
        }
    }

    /// <summary>Coalesces a burst of lines into one render on the circuit.</summary>
    private void QueueRender(bool loaded = false)
    {
        if (loaded)
        {
            _loading = false;
        }

        if (Interlocked.Exchange(ref _renderQueued, 1) == 1)
        {
            return;
        }

        _ = RenderSoonAsync();
    }

    private async Task RenderSoonAsync()
    {
        await Task.Delay(s_renderWindow);
        if (_disposed)
        {
            return;
        }

        try
        {
            await InvokeAsync(() =>
            {
                Volatile.Write(ref _renderQueued, 0);
                _lines = _buffer.Snapshot();
                _dropped = _buffer.Dropped;
                _loading &= _lines.Count == 0;
                _scrollPending = true;
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while the render waited.
        }
    }

    private async Task OnFollowChangedAsync(bool follow)
    {
        _follow = follow;
        await StopStreamAsync();
        if (follow)
        {
            // Re-read the tail with follow on: no gap and no duplicate between history and new lines.
            StartStream(follow: true);
        }
    }

    private async Task OnOpenChangedAsync(bool open)
    {
        if (!open)
        {
            await CloseAsync();
        }
    }

    private async Task CloseAsync()
    {
        await StopStreamAsync();
        await OnClose.InvokeAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_scrollPending && _showing is not null)
        {
            _scrollPending = false;
            try
            {
                await JS.InvokeVoidAsync("homelab.scrollToEnd", _logElement);
            }
            catch (JSDisconnectedException)
            {
            }
            catch (JSException)
            {
                // Scrolling is a nicety; a missing or failing script must not break the log view.
            }
        }
    }

    private async Task StopStreamAsync()
    {
        if (_streamCts is null)
        {
            return;
        }

        await _streamCts.CancelAsync();
        if (_streamTask is not null)
        {
            try
            {
                await _streamTask;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _streamCts.Dispose();
        _streamCts = null;
        _streamTask = null;
        _loading = false;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await StopStreamAsync();
        GC.SuppressFinalize(this);
    }
}
