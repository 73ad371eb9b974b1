using System.Net;
using System.Text;

namespace Homelab.Tests.Shared;

/// <summary>
/// A hand-written HTTP fake: answers each request with the responder's reply and records what was asked,
/// so adapters can be tested against wire JSON without a server.
/// </summary>
internal sealed class TestHttpMessageHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder) : HttpMessageHandler
{
    public TestHttpMessageHandler(Func<HttpRequestMessage, HttpResponseMessage> responder)
        : this((request, _) => Task.FromResult(responder(request)))
    {
    }

    /// <summary>Every request, in order, with its body read out (the request's content is disposed after sending).</summary>
    public List<RecordedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        }

        var response = await responder(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    /// <summary>A JSON response with the given status.</summary>
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? reason = null) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
        ReasonPhrase = reason,
    };

    /// <summary>A plain-text response with the given status.</summary>
    public static HttpResponseMessage Text(string text, HttpStatusCode status = HttpStatusCode.OK, string? reason = null) => new(status)
    {
        Content = new StringContent(text, Encoding.UTF8, "text/plain"),
        ReasonPhrase = reason,
    };

    /// <summary>A response with a status that is not a named <see cref="HttpStatusCode"/> (Proxmox's 595/596/599).</summary>
    public static HttpResponseMessage Status(int status, string reason, string body = "") => new((HttpStatusCode)status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
        ReasonPhrase = reason,
    };
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body);
