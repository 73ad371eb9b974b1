using System.Security.Cryptography;
using System.Text;
using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Simulator.State;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Simulator.Gluetun;

/// <summary>
/// gluetun's HTTP control server (port 8000), served from the simulated homelab's tunnel: good enough for the
/// dashboard's adapter and for third-party clients (Homepage's gluetun widget, curl).
/// </summary>
/// <remarks>
/// <para>
/// Every route is private, as in current releases: the <c>X-API-Key</c> header (or gluetun's <c>api_key</c> query
/// parameter) must carry <see cref="SimulatorOptions.GluetunApiKey"/>, otherwise 401; an empty key makes every route
/// public, like an <c>{"auth":"none"}</c> default role. An authenticated request for an unknown route gets 404 and a
/// known route with the wrong method 405.
/// </para>
/// <para>
/// While the gluetun container is not running (stopped through the simulated Docker API, or its host is down),
/// every connection is dropped, as a dead container's would be.
/// </para>
/// </remarks>
internal static class GluetunSimulatorApi
{
    private const string ApiKeyHeader = "X-API-Key";
    private const string ApiKeyQuery = "api_key";

    /// <summary>How often a <c>PUT /v1/vpn/status</c> looks whether the tunnel has reached the state it asked for.</summary>
    private static readonly TimeSpan s_transitionPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>gluetun waits for the tunnel without limit; the simulator gives up and answers the current state.</summary>
    private static readonly TimeSpan s_transitionLimit = TimeSpan.FromSeconds(60);

    public static void Map(WebApplication app, SimulatedHomelab homelab, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(homelab);
        ArgumentNullException.ThrowIfNull(options);
        app.Use(async (context, next) =>
        {
            if (!homelab.GluetunUp)
            {
                context.Abort();
                return;
            }

            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client hung up (or the container went away) mid-answer; nothing to tell it.
            }
        });

        var key = Encoding.UTF8.GetBytes(options.GluetunApiKey ?? "");
        app.Use((context, next) => key.Length == 0 || IsAuthorized(context.Request, key)
            ? next(context)
            : GluetunSimWire.ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized"));

        // Exact paths, as gluetun's auth middleware matches them ("GET /v1/vpn/status").
        var routes = new Dictionary<string, Dictionary<string, RequestDelegate>>(StringComparer.Ordinal)
        {
            ["/v1/vpn/status"] = new(StringComparer.Ordinal)
            {
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.Status(GluetunSimWire.StatusText(homelab.ReadVpn().State))),
                [HttpMethods.Put] = context => PutVpnStatusAsync(context, homelab),
            },
            ["/v1/publicip/ip"] = new(StringComparer.Ordinal)
            {
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.PublicIp(homelab.ReadVpn())),
            },
            ["/v1/portforward"] = new(StringComparer.Ordinal)
            {
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.PortForward(homelab.ReadVpn())),
            },
            ["/v1/dns/status"] = new(StringComparer.Ordinal)
            {
                // The DNS-over-TLS resolver is started once and keeps running across tunnel restarts.
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.Status("running")),
            },
            ["/v1/updater/status"] = new(StringComparer.Ordinal)
            {
                // The server-list updater ran once at start-up and finished.
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.Status("completed")),
            },
            ["/v1/openvpn/status"] = new(StringComparer.Ordinal)
            {
                // The legacy route reports the OpenVPN tunnel only; gluetun answers "stopped" here whenever the VPN
                // type is WireGuard, which the simulated Mullvad tunnel is.
                [HttpMethods.Get] = context => GluetunSimWire.JsonAsync(context, GluetunSimWire.Status(GluetunSimWire.StatusText(VpnState.Stopped))),
            },
            ["/v1/openvpn/portforwarded"] = new(StringComparer.Ordinal)
            {
                [HttpMethods.Get] = context => GluetunSimWire.RedirectAsync(context, "/v1/portforward"),
            },
        };

        app.Run(context =>
        {
            if (!routes.TryGetValue(context.Request.Path.Value ?? "", out var methods))
            {
                return GluetunSimWire.ErrorAsync(context, StatusCodes.Status404NotFound, "404 page not found");
            }

            if (!methods.TryGetValue(context.Request.Method, out var handle))
            {
                context.Response.Headers.Allow = string.Join(", ", methods.Keys);
                return GluetunSimWire.ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            }

            return handle(context);
        });
    }

    private static bool IsAuthorized(HttpRequest request, byte[] key)
    {
        var given = request.Headers[ApiKeyHeader].ToString();
        if (given.Length == 0)
        {
            given = request.Query[ApiKeyQuery].ToString();
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key);
    }

    /// <summary>
    /// <c>PUT /v1/vpn/status</c>: like gluetun, answers <c>{"outcome":"stopped"}</c> once the tunnel has got there
    /// (passing through stopping or starting), or <c>"already ..."</c> when it was not in the state to change from.
    /// </summary>
    private static async Task PutVpnStatusAsync(HttpContext context, SimulatedHomelab homelab)
    {
        var body = await GluetunSimWire.ReadBodyAsync(context.Request);
        var (running, error) = body is null ? (null, "http: request body too large") : GluetunSimWire.ReadStatusRequest(body);
        if (running is not { } wanted)
        {
            await GluetunSimWire.ErrorAsync(context, StatusCodes.Status400BadRequest, error ?? "invalid status");
            return;
        }

        var from = homelab.ReadVpn().State;
        if (from != (wanted ? VpnState.Stopped : VpnState.Running))
        {
            await GluetunSimWire.JsonAsync(context, GluetunSimWire.Outcome("already " + GluetunSimWire.StatusText(from)));
            return;
        }

        homelab.SetVpnRunning(wanted);

        // Wall-clock polling on purpose: the simulated clock may be a test's fake one, which moves when it is told to.
        var limit = TimeProvider.System.GetTimestamp();
        var state = homelab.ReadVpn().State;
        while (state is VpnState.Starting or VpnState.Stopping && TimeProvider.System.GetElapsedTime(limit) < s_transitionLimit)
        {
            await Task.Delay(s_transitionPoll, context.RequestAborted);
            if (!homelab.GluetunUp)
            {
                context.Abort();
                return;
            }

            state = homelab.ReadVpn().State;
        }

        await GluetunSimWire.JsonAsync(context, GluetunSimWire.Outcome(GluetunSimWire.StatusText(state)));
    }
}
