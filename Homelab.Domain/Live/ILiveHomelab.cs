namespace Homelab.Domain.Live;

/// <summary>
/// The live homelab as snapshot + stream: what is known now, and every change after it.
/// </summary>
/// <remarks>
/// One store serves every reader; readers never cause upstream requests. Implementations are thread-safe.
/// </remarks>
public interface ILiveHomelab
{
    /// <summary>The latest snapshot.</summary>
    HomelabSnapshot Current { get; }

    /// <summary>
    /// Subscribes to changes. The returned snapshot and stream fit together: applying every batch in order to
    /// <see cref="HomelabSubscription.Initial"/> always gives the store's state.
    /// </summary>
    /// <remarks>The stream never completes on its own; cancel <paramref name="cancellationToken"/> to unsubscribe.</remarks>
    HomelabSubscription Subscribe(CancellationToken cancellationToken);
}

/// <summary>A snapshot and the batches of changes that follow it.</summary>
public sealed record HomelabSubscription(HomelabSnapshot Initial, IAsyncEnumerable<IReadOnlyList<HomelabChange>> Changes);
