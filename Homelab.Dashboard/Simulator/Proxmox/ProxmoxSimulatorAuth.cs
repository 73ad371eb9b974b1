using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Simulator.Proxmox;

/// <summary>
/// pveproxy's authentication: an API token in the Authorization header, or a ticket cookie from
/// <c>POST /access/ticket</c> (plus a CSRF token on writes). Every failure is answered late, as pveproxy does.
/// </summary>
/// <param name="clock">The simulator's clock, for ticket expiry.</param>
internal sealed partial class ProxmoxSimulatorAuth(SimulatorOptions options, Func<DateTimeOffset> clock)
{
    private const string TicketCookie = "PVEAuthCookie";
    private const string CsrfHeader = "CSRFPreventionToken";
    private static readonly TimeSpan s_ticketLifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, Ticket> _tickets = new(StringComparer.Ordinal);

    /// <summary>The user (or token id) behind the request, for task UPIDs; null when refused.</summary>
    public static string? UserOf(HttpContext context) => context.Items[typeof(ProxmoxSimulatorAuth)] as string;

    /// <summary>Middleware: lets authenticated requests through; answers 401 after the configured delay otherwise.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var open = path.StartsWithSegments("/api2/json/access/ticket", StringComparison.OrdinalIgnoreCase);
        if (open || !path.StartsWithSegments("/api2/json", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var (user, failure) = Authenticate(context.Request);
        if (user is null)
        {
            await RefuseAsync(context, failure);
            return;
        }

        context.Items[typeof(ProxmoxSimulatorAuth)] = user;
        await next(context);
    }

    /// <summary><c>POST /access/ticket</c> with <c>username=root@pam</c> and the token secret as password.</summary>
    public async Task TicketAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var username = form?["username"].ToString() ?? "";
        var password = form?["password"].ToString() ?? "";
        var tokenUser = options.ProxmoxTokenId.Split('!')[0];
        if (username != tokenUser || !SecretEquals(password, options.ProxmoxTokenSecret))
        {
            await RefuseAsync(context, "authentication failure");
            return;
        }

        var now = clock();
        var stamp = now.ToUnixTimeSeconds().ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        var ticket = new Ticket(username, $"{stamp}:{RandomToken()}", now + s_ticketLifetime);
        var value = $"PVE:{username}:{stamp}::{RandomToken()}";
        foreach (var expired in _tickets.Where(t => t.Value.Expires <= now).Select(t => t.Key).ToList())
        {
            _tickets.TryRemove(expired, out _);
        }

        _tickets[value] = ticket;
        await ProxmoxWire.DataAsync(context, new JsonObject
        {
            ["username"] = username,
            ["ticket"] = value,
            ["CSRFPreventionToken"] = ticket.Csrf,
            ["cap"] = new JsonObject(),
        });
    }

    private (string? User, string Failure) Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return AuthenticateToken(header);
        }

        if (request.Cookies[TicketCookie] is { Length: > 0 } cookie)
        {
            if (!_tickets.TryGetValue(cookie, out var ticket) || ticket.Expires <= clock())
            {
                return (null, "authentication failure");
            }

            // Writes need the CSRF token that came with the ticket; token requests are exempt.
            var isWrite = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
            return isWrite && request.Headers[CsrfHeader].ToString() != ticket.Csrf
                ? (null, "Permission denied - invalid csrf token")
                : (ticket.User, "");
        }

        return (null, "No ticket");
    }

    private (string? User, string Failure) AuthenticateToken(string header)
    {
        // pveproxy: the key, then '=' or a space, then everything up to ';', URL-unescaped.
        var match = TokenPattern().Match(header);
        if (!match.Success)
        {
            return (null, "authentication failure");
        }

        var value = Uri.UnescapeDataString(match.Groups[1].Value.Trim());
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return (null, "authentication failure");
        }

        var tokenId = value[..equals];
        if (tokenId != options.ProxmoxTokenId)
        {
            var bang = tokenId.IndexOf('!', StringComparison.Ordinal);
            return bang > 0 ? (null, $"no such token '{tokenId[(bang + 1)..]}' for user '{tokenId[..bang]}'") : (null, "authentication failure");
        }

        return SecretEquals(value[(equals + 1)..], options.ProxmoxTokenSecret) ? (tokenId, "") : (null, "invalid token value!");
    }

    private async Task RefuseAsync(HttpContext context, string failure)
    {
        // Wall-clock on purpose: this is network behaviour clients must cope with, whatever the simulated clock does.
        try
        {
            await Task.Delay(options.AuthFailureDelay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await ProxmoxWire.ErrorAsync(context, 401, failure);
    }

    private static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=');

    [GeneratedRegex(@"(?:^|\s)PVEAPIToken(?:=| )([^;]*)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private sealed record Ticket(string User, string Csrf, DateTimeOffset Expires);
}
