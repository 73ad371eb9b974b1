using System.Net;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>Builds the qBittorrent adapter with its session handling and timeouts.</summary>
internal static class QBittorrentAdapterFactory
{
    private const string UserAgent = "homelab-dashboard";

    /// <summary>Long enough to reuse connections across polls, short enough to notice that gluetun's address moved.</summary>
    private static readonly TimeSpan s_connectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>One long-lived client, handler and session for the lifetime of the source.</summary>
    public static ITorrentSource Create(QBittorrentConnection connection, QBittorrentOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var session = new QBittorrentSessionHandler(new SocketsHttpHandler
        {
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = s_connectionLifetime,

            // The session handler keeps the cookie, so it can be dropped when the session is.
            UseCookies = false,

            // qBittorrent never redirects its API; a login portal in front of it does, and that must not look like success.
            AllowAutoRedirect = false,

            // qBittorrent is on the LAN (usually behind gluetun); an HTTP proxy from the environment has no business in between.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        });
        var http = new HttpClient(session, disposeHandler: true)
        {
            BaseAddress = ApiBase(connection.BaseUrl),

            // Every call gets its own deadline on the injected clock instead.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return new QBittorrentClient(http, session, connection, options.RequestTimeout, loggerFactory.CreateLogger<QBittorrentClient>(), timeProvider);
    }

    /// <summary>
    /// <c>http://qb:8080</c>, <c>http://qb:8080/</c> and <c>http://qb:8080/api/v2</c> all mean <c>http://qb:8080/api/v2/</c>;
    /// a reverse-proxy prefix (<c>https://proxy/qbittorrent/</c>) is kept.
    /// </summary>
    public static Uri ApiBase(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/api/v2", StringComparison.OrdinalIgnoreCase))
        {
            text += "/api/v2";
        }

        return new Uri(text + "/");
    }
}
