using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>Builds the gluetun control-server adapter.</summary>
internal static class GluetunAdapterFactory
{
    private const string UserAgent = "homelab-dashboard";

    /// <summary>Long enough to reuse connections across polls, short enough to follow the container to a new address.</summary>
    private static readonly TimeSpan s_connectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>One long-lived client (and connection pool) for the lifetime of the source.</summary>
    public static IVpnSource Create(GluetunConnection connection, GluetunOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var timeout = options.RequestTimeout > TimeSpan.Zero ? options.RequestTimeout : Timeout.InfiniteTimeSpan;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeout,

            // The adapter decides about redirects itself: a followed redirect would take the API key along.
            AllowAutoRedirect = false,
            UseCookies = false,

            // The control server sits on the LAN or the same Docker network; a proxy from the environment (gluetun
            // itself offers one) has no business in between.
            UseProxy = false,
            PooledConnectionLifetime = s_connectionLifetime,
        };

        // Each request gets its own deadline on the adapter's clock instead of the client's timeout.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return new GluetunClient(http, connection, timeout, loggerFactory.CreateLogger<GluetunClient>(), timeProvider);
    }
}
