using System.Globalization;

namespace Homelab.Dashboard.Simulator.QBittorrent;

/// <summary>
/// What differs between the qBittorrent versions the simulator plays: the Web API version, the words for pausing
/// (5.0 renamed pause/resume to stop/start, and <c>pausedUP</c> to <c>stoppedUP</c>), and 5.2's new login
/// (204/401, a cookie named after the port, the Bearer API key, 204 for empty answers).
/// </summary>
/// <param name="Version">The application version as <c>app/version</c> says it, e.g. <c>v4.6.7</c>.</param>
internal sealed record QBittorrentSimVersion(string Version, string WebApiVersion, bool StopStart, bool ModernAuth)
{
    /// <summary>The behaviour of a configured version such as <c>4.6.7</c> or <c>5.2.0</c> (validated at start-up).</summary>
    public static QBittorrentSimVersion For(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var text = version.Trim().TrimStart('v', 'V');
        var parts = text.Split('.');
        var major = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minor = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        var webApi = (major, minor) switch
        {
            (4, <= 5) => "2.8.19",
            (4, _) => "2.9.3",
            (5, 0) => "2.11.2",
            (5, 1) => "2.11.4",
            _ => "2.15.0",
        };
        return new QBittorrentSimVersion("v" + text, webApi, StopStart: major >= 5, ModernAuth: (major, minor) is (5, >= 2) or ( > 5, _));
    }

    /// <summary><c>SID</c> up to 5.1; from 5.2 <c>QBT_SID_&lt;WebUI port&gt;</c>.</summary>
    public string CookieName(int port) => ModernAuth ? string.Create(CultureInfo.InvariantCulture, $"QBT_SID_{port}") : "SID";

    /// <summary>5.2 answers 204 where older versions answered 200 with an empty body.</summary>
    public int EmptyStatus => ModernAuth ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;

    public string PauseVerb => StopStart ? "stop" : "pause";

    public string ResumeVerb => StopStart ? "start" : "resume";
}
