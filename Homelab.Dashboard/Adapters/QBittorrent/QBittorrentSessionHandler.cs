using System.Net;

namespace Homelab.Dashboard.Adapters.QBittorrent;

/// <summary>
/// Keeps qBittorrent's session cookie in a <see cref="CookieContainer"/>, whatever its name (<c>SID</c> up to 5.1,
/// <c>QBT_SID_&lt;port&gt;</c> from 5.2), and makes sure no request carries an <c>Origin</c> or <c>Referer</c>: qBittorrent's
/// CSRF check answers 401 when either names another host:port, and a server-side client has no business sending them.
/// </summary>
/// <remarks>
/// A handler rather than <see cref="SocketsHttpHandler.CookieContainer"/> so that the session can be thrown away
/// (<see cref="Clear"/>) when it expires or a login is refused, and so tests can put any handler underneath.
/// </remarks>
internal sealed class QBittorrentSessionHandler : DelegatingHandler
{
    private CookieContainer _cookies = new();

    public QBittorrentSessionHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Whether a session cookie is held.</summary>
    public bool HasCookies => Volatile.Read(ref _cookies).Count > 0;

    /// <summary>Forgets the session: the next request goes without a cookie.</summary>
    public void Clear() => Volatile.Write(ref _cookies, new CookieContainer());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A request needs an absolute URI.");
        var cookies = Volatile.Read(ref _cookies);
        request.Headers.Remove("Cookie");
        request.Headers.Remove("Origin");
        request.Headers.Referrer = null;
        if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
        {
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                try
                {
                    cookies.SetCookies(uri, value);
                }
                catch (CookieException)
                {
                    // A cookie the container cannot read is not qBittorrent's session cookie.
                }
            }
        }

        return response;
    }
}
