namespace Homelab.Dashboard.Adapters.Docker;

/// <summary>What the Docker adapter writes to the log. Never request bodies, never headers: nothing secret passes here.</summary>
internal static partial class DockerLog
{
    [LoggerMessage(7001, LogLevel.Information, "Docker {Host}: Engine API {ServerVersion}; using API version {UsedVersion}.")]
    public static partial void VersionNegotiated(ILogger logger, string host, string serverVersion, string usedVersion);

    [LoggerMessage(7002, LogLevel.Warning, "Docker {Host}: neither /_ping nor /version told the API version ({Reason}); sending requests without a version prefix.")]
    public static partial void VersionUnknown(ILogger logger, string host, string reason);

    [LoggerMessage(7003, LogLevel.Debug, "Docker {Host}: {Method} {Path} failed: {Error}")]
    public static partial void RequestFailed(ILogger logger, string host, string method, string path, string error);

    [LoggerMessage(7004, LogLevel.Debug, "Docker {Host}: the {Stream} stream ended: {Reason}")]
    public static partial void StreamEnded(ILogger logger, string host, string stream, string reason);

    [LoggerMessage(7005, LogLevel.Warning, "Docker {Host}: log stream of {Container} abandoned: {Reason}")]
    public static partial void LogStreamAbandoned(ILogger logger, string host, string container, string reason);

    [LoggerMessage(7006, LogLevel.Debug, "Docker {Host}: skipped an event line that is not a container event ({Length} bytes).")]
    public static partial void EventSkipped(ILogger logger, string host, int length);

    [LoggerMessage(7007, LogLevel.Information, "Docker {Host}: the daemon rejected API version {UsedVersion} ({Message}); negotiating again on the next call.")]
    public static partial void VersionRejected(ILogger logger, string host, string usedVersion, string message);
}
