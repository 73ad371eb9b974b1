using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// Sits under OllamaSharp and makes every failure loud and clear: no first byte in time, nothing listening, an
/// error status (404 for a model that is not pulled), and an <c>{"error":…}</c> line in the middle of a stream,
/// which OllamaSharp would otherwise read as the stream simply ending.
/// </summary>
internal sealed class OllamaResponseGuard(TimeSpan firstByteTimeout, TimeSpan idleTimeout, TimeProvider timeProvider) : DelegatingHandler
{
    /// <summary>Error bodies are short; anything longer is cut.</summary>
    private const int MaxErrorBody = 4_096;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (var firstByte = new CancellationTokenSource(firstByteTimeout, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, firstByte.Token))
        {
            try
            {
                response = await base.SendAsync(request, linked.Token);
            }
            catch (OperationCanceledException) when (firstByte.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new OllamaFailureException(OllamaFailureKind.Timeout, $"Ollama at {Origin(request)} sent nothing for {Seconds(firstByteTimeout)}; the model may still be loading, so try again in a moment");
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OllamaFailureException(OllamaFailureKind.Unreachable, $"Ollama at {Origin(request)} cannot be reached ({Reason(ex)})", innerException: ex);
            }
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var serverMessage = await ErrorTextAsync(response, cancellationToken);
                var kind = response.StatusCode == HttpStatusCode.NotFound ? OllamaFailureKind.ModelMissing : OllamaFailureKind.ServerError;
                var message = kind == OllamaFailureKind.ModelMissing
                    ? $"the model is not installed on Ollama at {Origin(request)} ({serverMessage}); pull it with `ollama pull` or set Homelab:Ollama:ChatModel"
                    : $"Ollama at {Origin(request)} answered {(int)response.StatusCode}: {serverMessage}";
                throw new OllamaFailureException(kind, message, serverMessage);
            }
        }

        // Every body goes through the line guard: a stream for its error lines and silences, a whole answer for a
        // silence before it is complete.
        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken);
        var guarded = new StreamContent(new OllamaLineGuardStream(stream, idleTimeout, timeProvider, Origin(request)));
        foreach (var header in original.Headers)
        {
            guarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = guarded;
        return response;
    }

    private static string Origin(HttpRequestMessage request) => request.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Authority) : "(no address)";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    private static string Reason(HttpRequestException ex) => ex.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused: is Ollama running?",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "unknown host",
        SocketException socket => socket.SocketErrorCode.ToString(),
        _ => ex.HttpRequestError.ToString(),
    };

    /// <summary>Ollama's <c>{"error":"…"}</c> text, or the start of whatever else came back.</summary>
    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            body = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxErrorBody));
        }
        catch (HttpRequestException)
        {
            return response.ReasonPhrase ?? "no details";
        }

        return OllamaLineGuardStream.ErrorOf(Encoding.UTF8.GetBytes(body)) ?? (body.Trim() is { Length: > 0 } text ? text : response.ReasonPhrase ?? "no details");
    }
}
