using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Homelab.Dashboard.Embed;

/// <summary>
/// The server-sent events of one open embed: each new fragment, a keep-alive when nothing changed for a while, and
/// an end after <see cref="MaxLifetime"/> so the browser reconnects and its token is checked again.
/// </summary>
internal static class EmbedEventStream
{
    /// <summary>How long one event stream lives before the browser reconnects, so a revoked token stops within this time.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A quiet homelab can go minutes without a change, and reverse proxies close responses that say nothing for about
    /// a minute (nginx's <c>proxy_read_timeout</c> is 60 s), which would leave the embed reconnecting and logging errors.
    /// </summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(25);

    public const string FragmentEvent = "fragment";

    /// <summary>Has no listener on the embed page, so the browser drops it; it only keeps the connection busy.</summary>
    public const string KeepAliveEvent = "keep-alive";

    private static readonly SseItem<string> s_keepAlive = new("", KeepAliveEvent);

    /// <param name="subscribe">The view's fragments for the given token; never ends on its own.</param>
    public static async IAsyncEnumerable<SseItem<string>> Events(
        Func<CancellationToken, IAsyncEnumerable<EmbedFragment>> subscribe,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken requestAborted)
    {
        using var lifetime = new CancellationTokenSource(MaxLifetime, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.Token);
        await using var fragments = subscribe(linked.Token).GetAsyncEnumerator(linked.Token);
        Task<bool>? next = null;
        try
        {
            while (true)
            {
                // One read stays pending across keep-alives: an async enumerator takes one MoveNextAsync at a time.
                next ??= fragments.MoveNextAsync().AsTask();
                if (!await CompletesWithinAsync(next, KeepAliveInterval, time))
                {
                    yield return s_keepAlive;
                    continue;
                }

                bool more;
                try
                {
                    more = await next;
                }
                catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
                {
                    // The stream's time is up: end it cleanly; the browser reconnects and the token is checked again.
                    yield break;
                }

                next = null;
                if (!more)
                {
                    yield break;
                }

                yield return new SseItem<string>(fragments.Current.Html, FragmentEvent);
            }
        }
        finally
        {
            // A client that leaves during a keep-alive leaves a read pending; end it before the enumerator is disposed.
            if (next is not null)
            {
                await linked.CancelAsync();
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>True when <paramref name="task"/> ended (in any way) within <paramref name="timeout"/>.</summary>
    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan timeout, TimeProvider time)
    {
        try
        {
            await task.WaitAsync(timeout, time);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            return false;
        }
        catch
        {
            // Its outcome is the caller's to read.
        }

        return true;
    }
}
