namespace Homelab.Dashboard.Model;

/// <summary>
/// One shared once-a-second tick for "updated 12 s ago" labels, so each label does not need its own timer.
/// </summary>
/// <remarks>Callbacks run on the timer thread; components marshal with <c>InvokeAsync</c>.</remarks>
public sealed class UiClock : IDisposable
{
    private readonly ITimer _timer;
    private event Action? Tick;

    public UiClock(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => Tick?.Invoke(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public TimeProvider TimeProvider { get; }

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Calls <paramref name="onTick"/> every second until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action onTick)
    {
        Tick += onTick;
        return new Subscription(() => Tick -= onTick);
    }

    public void Dispose() => _timer.Dispose();

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
