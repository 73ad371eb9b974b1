using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>What the gluetun adapter writes to the log. Never headers, never the API key.</summary>
internal static partial class GluetunLog
{
    [LoggerMessage(EventId = 9001, Message = "gluetun GET {Path} failed ({Kind}, HTTP {StatusCode}): {Message}")]
    public static partial void RequestFailed(ILogger logger, LogLevel level, string path, SourceErrorKind kind, int? statusCode, string message);

    [LoggerMessage(9002, LogLevel.Information, "gluetun has no {Path}; reading the older {LegacyPath} instead (a release from before that route existed).")]
    public static partial void UsingLegacyRoute(ILogger logger, string path, string legacyPath);

    [LoggerMessage(EventId = 9003, Message = "gluetun: the {Part} cannot be read ({Reason}); the tunnel's status is still reported without it.")]
    public static partial void PartMissing(ILogger logger, LogLevel level, string part, string reason);

    [LoggerMessage(9004, LogLevel.Information, "gluetun: the {Part} can be read again.")]
    public static partial void PartRecovered(ILogger logger, string part);

    [LoggerMessage(9005, LogLevel.Information, "gluetun answers {Path} again; no longer reading {LegacyPath}.")]
    public static partial void LegacyRouteDropped(ILogger logger, string path, string legacyPath);
}
