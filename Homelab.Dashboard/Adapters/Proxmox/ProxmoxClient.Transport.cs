using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Proxmox;

internal sealed partial class ProxmoxClient
{
    private Task<SourceResult<T>> GetAsync<T>(string path, Func<JsonElement, T> parse, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, content: null, parse, cancellationToken);

    /// <summary>
    /// One API call: send, map transport failures and error statuses, read the body with a cap, unwrap
    /// <c>{"data": ...}</c> and parse it. <paramref name="parse"/> throws <see cref="FormatException"/> for a wrong shape.
    /// </summary>
    private async Task<SourceResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, Func<JsonElement, T> parse, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception exception) when (UpstreamFailures.FromException(exception, cancellationToken, _certificates?.LastRefusal) is { } error)
        {
            return Failed<T>(method, path, error);
        }

        using (response)
        {
            PooledBody? body;
            try
            {
                body = await ReadBodyAsync(response, cancellationToken);
            }
            catch (Exception exception) when (UpstreamFailures.FromException(exception, cancellationToken) is { } error)
            {
                return Failed<T>(method, path, error);
            }

            using var owned = body;
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                // Redirects are not followed: a Proxmox API never redirects, a login portal in front of it does.
                var target = response.Headers.Location?.ToString() ?? "elsewhere";
                return Failed<T>(method, path, UpstreamFailures.InvalidResponse($"redirected (HTTP {status}) to {target}: is a reverse proxy or login page in front of Proxmox?"));
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed<T>(method, path, ProxmoxErrors.FromResponse(status, response.ReasonPhrase, body?.Text()));
            }

            if (body is null)
            {
                return Failed<T>(method, path, UpstreamFailures.InvalidResponse($"the answer is larger than {BoundedContent.DefaultMaxBytes / (1024 * 1024)} MB"));
            }

            return Parse(method, path, body, parse);
        }
    }

    /// <summary>Reads the body under the client's timeout, which otherwise stops counting once the headers are in.</summary>
    private async Task<PooledBody?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (_http.Timeout == Timeout.InfiniteTimeSpan)
        {
            return await BoundedContent.ReadAsync(response.Content, cancellationToken);
        }

        using var timeout = new CancellationTokenSource(_http.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await BoundedContent.ReadAsync(response.Content, linked.Token);
    }

    private SourceResult<T> Parse<T>(HttpMethod method, string path, PooledBody body, Func<JsonElement, T> parse)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("data", out var data))
            {
                return Failed<T>(method, path, UpstreamFailures.InvalidResponse("the answer has no \"data\" field: is this really the Proxmox API?"));
            }

            return SourceResult<T>.Ok(parse(data));
        }
        catch (JsonException)
        {
            return Failed<T>(method, path, ProxmoxErrors.NotJson(body.Text()));
        }
        catch (FormatException exception)
        {
            return Failed<T>(method, path, UpstreamFailures.InvalidResponse(exception.Message));
        }
    }

    private SourceResult<T> Failed<T>(HttpMethod method, string path, SourceError error)
    {
        // Belt and braces: no upstream or exception text should ever carry the token secret, but if one echoes the
        // Authorization header back, it must not reach a log or a page.
        if (_secret is { Length: >= 4 } secret && error.Message.Contains(secret, StringComparison.Ordinal))
        {
            error = error with { Message = error.Message.Replace(secret, "***", StringComparison.Ordinal) };
        }

        // Only an answer we cannot read is unusual enough for a warning; the collector already reports the rest.
        var level = error.Kind == SourceErrorKind.InvalidResponse ? LogLevel.Warning : LogLevel.Debug;
        ProxmoxLog.RequestFailed(_logger, level, method.Method, path, error.Kind, error.StatusCode, error.Message);
        return SourceResult<T>.Fail(error);
    }
}
