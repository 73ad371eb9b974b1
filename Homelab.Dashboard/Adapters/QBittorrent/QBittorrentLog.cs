using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>What the qBittorrent adapter writes to the log. Never a password, an API key, a cookie or a request body.</summary>
internal static partial class QBittorrentLog
{
    [LoggerMessage(8001, LogLevel.Information, "qBittorrent at {BaseUrl}: logged in as {Username}.")]
    public static partial void LoggedIn(ILogger logger, Uri baseUrl, string username);

    [LoggerMessage(8002, LogLevel.Warning, "qBittorrent at {BaseUrl} refused the login for {Username} ({Kind}): {Message}. No new attempt before {RetryAt:u}.")]
    public static partial void LoginRefused(ILogger logger, Uri baseUrl, string username, SourceErrorKind kind, string message, DateTimeOffset retryAt);

    [LoggerMessage(8003, LogLevel.Debug, "qBittorrent at {BaseUrl}: the session expired (HTTP 403 on {Path}); logging in again once.")]
    public static partial void SessionExpired(ILogger logger, Uri baseUrl, string path);

    [LoggerMessage(8004, LogLevel.Information, "qBittorrent at {BaseUrl} is {Version} (Web API {WebApiVersion}); torrents are {PauseVerb}/{ResumeVerb}.")]
    public static partial void VersionDetected(ILogger logger, Uri baseUrl, string version, string webApiVersion, string pauseVerb, string resumeVerb);

    [LoggerMessage(EventId = 8005, Message = "qBittorrent {Method} {Path} failed ({Kind}, HTTP {StatusCode}): {Message}")]
    public static partial void RequestFailed(ILogger logger, LogLevel level, string method, string path, SourceErrorKind kind, int? statusCode, string message);

    [LoggerMessage(8006, LogLevel.Information, "qBittorrent at {BaseUrl} has no {Path} any more; its version will be read again.")]
    public static partial void VerbMissing(ILogger logger, Uri baseUrl, string path);
}
