namespace Homelab.Domain.Downloads;

/// <summary>A qBittorrent instance's versions, and what they mean for its API.</summary>
/// <param name="Version">The application version, e.g. <c>v5.0.4</c>.</param>
/// <param name="WebApiVersion">The Web API version, e.g. <c>2.11.2</c>.</param>
public sealed record TorrentClientInfo(string Version, string WebApiVersion)
{
    /// <summary>Web API 2.11.0 (qBittorrent 5.0) renamed pause/resume to stop/start and <c>pausedUP</c> to <c>stoppedUP</c>.</summary>
    public static readonly Version StopStartSince = new(2, 11, 0);

    /// <summary>Whether this API says stop/start; decided from the reported version, never guessed.</summary>
    public bool UsesStopStart => TryParseApiVersion(WebApiVersion) is { } api && api >= StopStartSince;

    public override string ToString() => $"qBittorrent {Version} (Web API {WebApiVersion})";

    /// <summary>Parses <c>2.11.2</c>; tolerates a leading <c>v</c> and surrounding whitespace.</summary>
    public static Version? TryParseApiVersion(string? text) =>
        System.Version.TryParse(text?.Trim().TrimStart('v', 'V'), out var version) ? version : null;
}
