namespace Homelab.Domain.Containers;

/// <summary>One entry of Docker's event stream about a container.</summary>
/// <param name="Action">Docker's action word: <c>start</c>, <c>die</c>, <c>health_status: healthy</c>…</param>
public sealed record ContainerEvent(string ContainerId, string Action, string? Name, DateTimeOffset Time, long TimeNano)
{
    /// <summary>The action without a <c>: detail</c> suffix, e.g. <c>health_status</c>.</summary>
    public string ActionName => Action.Split(':', 2)[0].Trim();

    /// <summary>Events that change what a container's row shows.</summary>
    public bool ChangesState => ActionName is "create" or "start" or "restart" or "die" or "stop" or "kill" or "pause" or "unpause"
        or "destroy" or "rename" or "health_status" or "oom" or "update";
}

/// <summary>The stream a log line came from.</summary>
public enum LogStream
{
    Stdout,
    Stderr,

    /// <summary>Errors from the daemon itself (stream 3 in the multiplexed framing).</summary>
    System,
}

/// <summary>One line of container output.</summary>
public sealed record LogLine(LogStream Stream, DateTimeOffset? Timestamp, string Text);

/// <summary>What part of a container's log to read.</summary>
/// <param name="Tail">Lines from the end; null for all.</param>
/// <param name="Follow">Keep the stream open for new lines.</param>
/// <param name="Since">Only lines after this time.</param>
public sealed record LogRequest(int? Tail = 200, bool Follow = false, DateTimeOffset? Since = null);
