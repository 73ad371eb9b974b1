namespace Homelab.Dashboard.Api.Agent;

/// <summary>
/// Counts wrong API keys per client address in a sliding window; past the limit the address gets 429 until the oldest
/// failure leaves the window. Slows down guessing without any state outside memory.
/// </summary>
internal sealed class FailedAttemptThrottle(TimeProvider timeProvider, int maxFailures, TimeSpan window)
{
    // Past this many tracked addresses, the ones with no recent failure are swept out.
    private const int SweepThreshold = 1_024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="client"/> must wait, and how long.</summary>
    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            retryAfter = TimeSpan.Zero;
            if (!_failures.TryGetValue(client, out var times))
            {
                return false;
            }

            Prune(times, now);
            if (times.Count < maxFailures)
            {
                return false;
            }

            retryAfter = times.Peek() + window - now;
            return true;
        }
    }

    public void RecordFailure(string client)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_failures.Count >= SweepThreshold)
            {
                foreach (var (address, times) in _failures)
                {
                    Prune(times, now);
                    if (times.Count == 0)
                    {
                        _failures.Remove(address);
                    }
                }
            }

            if (!_failures.TryGetValue(client, out var queue))
            {
                _failures[client] = queue = new Queue<DateTimeOffset>();
            }

            queue.Enqueue(now);
            Prune(queue, now);
        }
    }

    private void Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && (times.Peek() + window <= now || times.Count > maxFailures))
        {
            times.Dequeue();
        }
    }
}
