namespace Homelab.Dashboard.Adapters.Http;

/// <summary>
/// A per-call deadline on the adapter's clock, linked to the caller's token. The timeout runs on the injected
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock instead of waiting.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public RequestDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _timeout = new CancellationTokenSource(timeout, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
