using System.Net;
using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;

namespace Homelab.Dashboard.Adapters.Proxmox;

/// <summary>Builds the Proxmox adapter with its TLS policy and timeouts.</summary>
internal static class ProxmoxAdapterFactory
{
    private const string AuthorizationHeader = "Authorization";
    private const string TokenPrefix = "PVEAPIToken=";

    /// <summary>Long enough to reuse connections across polls, short enough to pick up DNS changes and renewed certificates.</summary>
    private static readonly TimeSpan s_connectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>One long-lived client (and connection pool) for the lifetime of the source.</summary>
    public static IClusterSource Create(ProxmoxConnection connection, ProxmoxOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var policy = new ProxmoxCertificatePolicy(connection.Trust);
        var http = new HttpClient(CreateHandler(policy, options.RequestTimeout), disposeHandler: true);
        ConfigureClient(http, connection.BaseUrl, connection.TokenId, connection.TokenSecret, options.RequestTimeout);
        var logger = loggerFactory.CreateLogger<ProxmoxClient>();
        if (connection.Trust is ProxmoxTrust.Insecure)
        {
            ProxmoxLog.InsecureTls(logger, connection.BaseUrl);
        }

        return new ProxmoxClient(http, logger, timeProvider, policy);
    }

    /// <summary>Base address, API token and timeout: everything the client needs besides its handler.</summary>
    public static void ConfigureClient(HttpClient http, Uri baseUrl, string tokenId, string tokenSecret, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.BaseAddress = ApiBase(baseUrl);
        http.Timeout = timeout > TimeSpan.Zero ? timeout : Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");

        // PVEAPIToken=USER@REALM!TOKENID=SECRET is not a valid RFC 7235 credential, so it goes in unvalidated.
        http.DefaultRequestHeaders.TryAddWithoutValidation(AuthorizationHeader, $"{TokenPrefix}{tokenId}={tokenSecret}");
    }

    /// <summary><c>https://pve:8006</c>, <c>https://pve:8006/</c> and <c>https://pve:8006/api2/json</c> all mean <c>https://pve:8006/api2/json/</c>.</summary>
    public static Uri ApiBase(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!text.EndsWith("/api2/json", StringComparison.OrdinalIgnoreCase))
        {
            text += "/api2/json";
        }

        return new Uri(text + "/");
    }

    /// <summary>The token secret as configured on <paramref name="http"/>, so the client can keep it out of messages.</summary>
    internal static string? TokenSecretOf(HttpClient http) =>
        http.DefaultRequestHeaders.TryGetValues(AuthorizationHeader, out var values)
        && values.FirstOrDefault() is { } value
        && value.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && value.LastIndexOf('=') is var equals && equals > TokenPrefix.Length
            ? value[(equals + 1)..]
            : null;

    private static SocketsHttpHandler CreateHandler(ProxmoxCertificatePolicy policy, TimeSpan timeout) => new()
    {
        PooledConnectionLifetime = s_connectionLifetime,
        ConnectTimeout = timeout > TimeSpan.Zero ? timeout : Timeout.InfiniteTimeSpan,
        // A Proxmox API never redirects; a login portal in front of it does, and that must not look like success.
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        SslOptions = { RemoteCertificateValidationCallback = policy.Validate },
    };
}
