using System.Globalization;
using System.Text;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Docker;

internal sealed partial class DockerClient
{
    private const string MultiplexedStream = "application/vnd.docker.multiplexed-stream";
    private const string RawStream = "application/vnd.docker.raw-stream";

    /// <summary>From API 1.42 the logs Content-Type tells raw from multiplexed; before, it always said raw.</summary>
    private static readonly Version s_framingInContentType = new(1, 42);

    private static readonly string s_containerEventsFilter = Uri.EscapeDataString("""{"type":["container"]}""");

    public async Task<SourceResult<IAsyncEnumerable<LogLine>>> OpenLogsAsync(string containerId, LogRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        ArgumentNullException.ThrowIfNull(request);
        var query = new StringBuilder("stdout=1&stderr=1&timestamps=1&tail=");
        query.Append(request.Tail is >= 0 and var tail ? tail.ToString(CultureInfo.InvariantCulture) : "all");
        if (request.Since is { } since)
        {
            query.Append("&since=").Append(DockerTime.FormatUnix(since));
        }

        if (request.Follow)
        {
            query.Append("&follow=1");
        }

        var opened = await OpenStreamAsync($"containers/{Escape(containerId)}/logs?{query}", cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var response = opened.Value;
        var multiplexed = FramingFromContentType(response.Content.Headers.ContentType?.MediaType, ApiVersion);
        if (multiplexed is null)
        {
            // No usable Content-Type (an old daemon, or a proxy that rewrote it): the container's TTY setting decides.
            var details = await InspectAsync(containerId, cancellationToken);
            if (!details.IsSuccess)
            {
                response.Dispose();
                return details.Error;
            }

            multiplexed = !details.Value.Tty;
        }

        // The reader watches the open token itself; a consumer adds its own through WithCancellation.
        var reader = new DockerStreamReader(response, _logger, Host, cancellationToken);
        return SourceResult<IAsyncEnumerable<LogLine>>.Ok(reader.ReadLogsAsync(containerId, multiplexed.Value, CancellationToken.None));
    }

    public async Task<SourceResult<IAsyncEnumerable<ContainerEvent>>> OpenEventsAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var path = $"events?filters={s_containerEventsFilter}";
        if (since is { } from)
        {
            path += "&since=" + DockerTime.FormatUnix(from);
        }

        var opened = await OpenStreamAsync(path, cancellationToken);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var reader = new DockerStreamReader(opened.Value, _logger, Host, cancellationToken);
        return SourceResult<IAsyncEnumerable<ContainerEvent>>.Ok(reader.ReadEventsAsync(CancellationToken.None));
    }

    /// <summary>Which framing the logs Content-Type announces; null when it cannot tell.</summary>
    internal static bool? FramingFromContentType(string? mediaType, Version? apiVersion) => mediaType switch
    {
        MultiplexedStream => true,
        RawStream when apiVersion is not null && apiVersion >= s_framingInContentType => false,
        _ => null,
    };

    /// <summary>
    /// Sends a GET whose body is a stream: the deadline covers the response headers only, after which the body
    /// lives as long as the caller reads it.
    /// </summary>
    private async Task<SourceResult<HttpResponseMessage>> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        var prefix = await VersionPrefixAsync(cancellationToken);
        if (!prefix.IsSuccess)
        {
            return prefix.Error;
        }

        using var deadline = new RequestDeadline(_requestTimeout, _timeProvider, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, prefix.Value + "/" + path);
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    return await FailureAsync(response, "GET", path, deadline.Token);
                }
            }

            return SourceResult<HttpResponseMessage>.Ok(response);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && UpstreamFailures.FromException(ex, cancellationToken) is { } error)
        {
            response?.Dispose();
            return Failed("GET", path, error);
        }
    }
}
