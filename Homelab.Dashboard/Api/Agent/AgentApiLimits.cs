namespace Homelab.Dashboard.Api.Agent;

/// <summary>The agent API's fixed limits.</summary>
/// <remarks>
/// Not configuration: nobody needs to tune them. The endpoints use a registered instance if there is one, which is how
/// tests shorten the waits; otherwise <see cref="Default"/>.
/// </remarks>
internal sealed record AgentApiLimits
{
    public static AgentApiLimits Default { get; } = new();

    public int MaxBodyBytes { get; init; } = 32 * 1024;

    public int MaxMessageLength { get; init; } = 8_000;

    /// <summary>How long <c>POST /api/ai/agent</c> waits for the turn; the seed's PWA gives up at 120 s too.</summary>
    public TimeSpan TurnWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Comment lines on an idle stream, so proxies and clients don't drop it while a tool runs.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Wrong keys one client address may present per <see cref="FailedAttemptWindow"/> before it gets 429.</summary>
    public int MaxFailedAttempts { get; init; } = 10;

    public TimeSpan FailedAttemptWindow { get; init; } = TimeSpan.FromMinutes(1);
}
