using System.Net.Http.Headers;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.QBittorrent;

internal sealed partial class QBittorrentClient
{
    /// <summary>What people read when qBittorrent refuses the login; names the settings, never their values.</summary>
    internal const string CredentialsRefused =
        "qBittorrent refused the username or password: check Homelab:QBittorrent:Username and Password; after 5 failures it bans this address for an hour";

    private readonly SemaphoreSlim _login = new(1, 1);
    private Session? _session;
    private volatile Refusal? _refusal;
    private long _generations;

    /// <summary>How this client proves who it is.</summary>
    private AuthMode Mode => _apiKey is not null ? AuthMode.ApiKey : _username is not null ? AuthMode.Password : AuthMode.None;

    /// <summary>
    /// One API call with the session handled: log in if there is no session, and when an ordinary call answers 403
    /// (the session expired), log in once and send it once more. Non-success statuses become errors.
    /// </summary>
    /// <param name="pathFor">The path relative to the API root, given the session's generation (maindata's rid depends on it).</param>
    private async Task<SourceResult<Answer>> CallAsync(HttpMethod method, Func<long, string> pathFor, IReadOnlyList<KeyValuePair<string, string>>? form, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var session = await EnsureSessionAsync(cancellationToken);
            if (!session.IsSuccess)
            {
                return session.Error;
            }

            var path = pathFor(session.Value.Generation);
            var sent = await SendOnceAsync(method, path, form, session.Value.Generation, cancellationToken);
            if (!sent.IsSuccess)
            {
                return Failed(method, path, sent.Error);
            }

            var answer = sent.Value;
            if (answer.Status == 403 && Mode == AuthMode.Password && attempt == 0)
            {
                var where = PathOnly(path);
                QBittorrentLog.SessionExpired(_logger, _baseUrl, where);
                Expire(session.Value);
                continue;
            }

            return answer.Status is >= 200 and < 300 ? SourceResult<Answer>.Ok(answer) : Failed(method, path, ErrorFor(method, path, answer, attempt > 0));
        }
    }

    /// <summary>
    /// The current session, logging in first when there is none. After a refused login this answers with the
    /// refusal, without contacting qBittorrent, until the cool-down has passed: whoever asks (the collector, an
    /// action, a page), a wrong password costs qBittorrent's ban counter one failure per cool-down at most.
    /// </summary>
    private async Task<SourceResult<Session>> EnsureSessionAsync(CancellationToken cancellationToken)
    {
        if (ActiveRefusal() is { } refused)
        {
            return refused;
        }

        if (Volatile.Read(ref _session) is { } current)
        {
            return SourceResult<Session>.Ok(current);
        }

        await _login.WaitAsync(cancellationToken);
        try
        {
            if (ActiveRefusal() is { } refusedMeanwhile)
            {
                return refusedMeanwhile;
            }

            if (Volatile.Read(ref _session) is { } established)
            {
                return SourceResult<Session>.Ok(established);
            }

            if (Mode != AuthMode.Password)
            {
                // An API key needs no login, and neither does an address qBittorrent lets in without one.
                var open = new Session(Interlocked.Increment(ref _generations));
                Volatile.Write(ref _session, open);
                return SourceResult<Session>.Ok(open);
            }

            return await LoginLockedAsync(cancellationToken);
        }
        finally
        {
            _login.Release();
        }
    }

    /// <summary><c>POST auth/login</c>, interpreted by version: 4.x–5.1 answer 200 <c>Ok.</c>/<c>Fails.</c>, 5.2 answers 204/401, a ban is 403.</summary>
    private async Task<SourceResult<Session>> LoginLockedAsync(CancellationToken cancellationToken)
    {
        const string Path = "auth/login";
        _sessionHandler.Clear();
        var form = new[] { new KeyValuePair<string, string>("username", _username!), new("password", _password!) };
        var sent = await SendOnceAsync(HttpMethod.Post, Path, form, generation: 0, cancellationToken);
        if (!sent.IsSuccess)
        {
            return Failed(HttpMethod.Post, Path, sent.Error);
        }

        var answer = sent.Value;
        var text = answer.Body?.Trim() ?? "";
        switch (answer.Status)
        {
            case 200 when text.Equals("Ok.", StringComparison.OrdinalIgnoreCase):
            case 204:
                var session = new Session(Interlocked.Increment(ref _generations));
                Volatile.Write(ref _session, session);
                QBittorrentLog.LoggedIn(_logger, _baseUrl, _username!);
                return SourceResult<Session>.Ok(session);
            case 200 when text.Equals("Fails.", StringComparison.OrdinalIgnoreCase):
            case 401:
                return Refuse(new SourceError(SourceErrorKind.Unauthorized, CredentialsRefused, answer.Status));
            case 403:
                var said = Shorten(text) is { Length: > 0 } reason ? $" (it says: {reason})" : "";
                return Refuse(new SourceError(
                    SourceErrorKind.Forbidden,
                    $"qBittorrent has banned this address after too many failed logins{said}: the ban lasts an hour by default (or until qBittorrent restarts); meanwhile check Homelab:QBittorrent:Username and Password",
                    403));
            case 200:
                return Failed(HttpMethod.Post, Path, UpstreamFailures.InvalidResponse($"auth/login answered {Describe(answer)} instead of Ok. or Fails.: is this qBittorrent's WebUI?"));
            default:
                return Failed(HttpMethod.Post, Path, ErrorFor(HttpMethod.Post, Path, answer, afterLogin: false));
        }
    }

    /// <summary>Remembers a refused login for the cool-down; every call until then gets this error.</summary>
    private SourceError Refuse(SourceError error)
    {
        _sessionHandler.Clear();
        Volatile.Write(ref _session, null);
        var until = _timeProvider.GetUtcNow() + BackoffPolicy.AuthenticationFailureDelay;
        _refusal = new Refusal(error, until);
        QBittorrentLog.LoginRefused(_logger, _baseUrl, _username ?? "", error.Kind, error.Message, until);
        return error;
    }

    private SourceError? ActiveRefusal() =>
        _refusal is { } refusal && _timeProvider.GetUtcNow() < refusal.Until ? refusal.Error : null;

    /// <summary>Drops a session qBittorrent no longer knows, unless another call has already replaced it.</summary>
    private void Expire(Session stale)
    {
        if (Interlocked.CompareExchange(ref _session, null, stale) == stale)
        {
            _sessionHandler.Clear();
        }
    }

    /// <summary>Sends one request and reads its answer (capped); only transport failures and timeouts are errors here.</summary>
    private async Task<SourceResult<Answer>> SendOnceAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? form, long generation, CancellationToken cancellationToken)
    {
        using var deadline = new RequestDeadline(_requestTimeout, _timeProvider, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            if (_apiKey is not null)
            {
                // 5.2+: the key replaces the session cookie and skips the CSRF check.
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await BoundedContent.ReadStringAsync(response.Content, deadline.Token);
            return SourceResult<Answer>.Ok(new Answer(
                (int)response.StatusCode,
                body,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.Location?.ToString(),
                generation));
        }
        catch (Exception exception) when (UpstreamFailures.FromException(exception, cancellationToken) is { } error)
        {
            return error;
        }
    }

    /// <summary>The error for a non-success answer, in words that say what to do about it.</summary>
    private SourceError ErrorFor(HttpMethod method, string path, Answer answer, bool afterLogin)
    {
        var status = answer.Status;
        var where = PathOnly(path);
        return status switch
        {
            >= 300 and < 400 => UpstreamFailures.InvalidResponse(
                $"redirected (HTTP {status}) to {answer.Location ?? "elsewhere"}: is a login portal or reverse proxy in front of qBittorrent?"),
            401 => new SourceError(
                SourceErrorKind.Unauthorized,
                "qBittorrent refused the request's origin (HTTP 401): its CSRF protection or Host header validation did not accept it; behind a reverse proxy or a remapped port, add the address to the WebUI's server domains or turn Host header validation off",
                401),
            403 when Mode == AuthMode.ApiKey => new SourceError(
                SourceErrorKind.Forbidden,
                "qBittorrent refused the API key (HTTP 403): check Homelab:QBittorrent:ApiKey (WebUI options, qBittorrent 5.2 or later)",
                403),
            403 when Mode == AuthMode.None => new SourceError(
                SourceErrorKind.Forbidden,
                "qBittorrent wants a login from this address (HTTP 403): set Homelab:QBittorrent:Username and Password (or ApiKey on 5.2+)",
                403),
            403 when afterLogin => new SourceError(SourceErrorKind.Forbidden, $"qBittorrent refused {where} (HTTP 403) right after a successful login", 403),
            404 => new SourceError(SourceErrorKind.NotFound, $"qBittorrent has no {where} (HTTP 404): this version does not offer it", 404),
            405 => new SourceError(
                SourceErrorKind.BadRequest,
                method == HttpMethod.Get
                    ? $"qBittorrent only accepts POST for {where} (HTTP 405)"
                    : $"qBittorrent does not accept {method.Method} for {where} (HTTP 405)",
                405),
            _ => UpstreamFailures.FromStatus(status, Shorten(answer.Body) is { Length: > 0 } text ? $"{where}: {text}" : $"{where}: HTTP {status}"),
        };
    }

    private SourceError Failed(HttpMethod method, string path, SourceError error)
    {
        // Belt and braces: nothing qBittorrent says should carry our secrets, but if it ever echoes them, they stop here.
        error = error with { Message = Scrub(error.Message) };

        // Only an answer we cannot read is unusual enough for a warning; the collector reports the rest.
        var level = error.Kind == SourceErrorKind.InvalidResponse ? LogLevel.Warning : LogLevel.Debug;
        var where = PathOnly(path);
        QBittorrentLog.RequestFailed(_logger, level, method.Method, where, error.Kind, error.StatusCode, error.Message);
        return error;
    }

    private string Scrub(string text)
    {
        foreach (var secret in new[] { _password, _apiKey })
        {
            if (secret is { Length: >= 3 } && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A short, safe description of an unexpected body for a message.</summary>
    private string Describe(Answer answer)
    {
        if (answer.Body is null)
        {
            return "an answer too large to read";
        }

        var type = answer.MediaType ?? "no content type";
        return Shorten(answer.Body) is { Length: > 0 } text ? $"{type}: {Scrub(text)}" : $"an empty {type} body (HTTP {answer.Status})";
    }

    private static string Shorten(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 80 ? text : text[..80] + "…";
    }

    private static string PathOnly(string path) => path.Split('?', 2)[0];

    private enum AuthMode
    {
        None,
        Password,
        ApiKey,
    }

    /// <summary>A logged-in session (or the implicit one of a key or an open address); each new one has a higher generation.</summary>
    private sealed record Session(long Generation);

    private sealed record Refusal(SourceError Error, DateTimeOffset Until);

    /// <summary>An HTTP answer: status, body (null when over the size cap), and the session it was sent in.</summary>
    private sealed record Answer(int Status, string? Body, string? MediaType, string? Location, long Generation);
}
