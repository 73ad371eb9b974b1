using System.Net;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Common;
using Homelab.Domain.Containers;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Adapters.Docker;

internal sealed partial class DockerClient
{
    /// <summary>Seconds a stop or restart lets the process exit before the daemon kills it.</summary>
    internal const int StopGraceSeconds = 10;

    public async Task<SourceResult<EquatableArray<ContainerSummary>>> ListAsync(CancellationToken cancellationToken) =>
        (await GetJsonAsync("containers/json?all=true", DockerWire.Summaries, "a container list", cancellationToken))
            .Map(list => new EquatableArray<ContainerSummary>(list));

    public Task<SourceResult<ContainerDetails>> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        return GetJsonAsync($"containers/{Escape(containerId)}/json", root => DockerWire.Details(root, containerId), "a container", cancellationToken);
    }

    public Task<SourceResult<ContainerStatsSample>> GetStatsAsync(string containerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);

        // One-shot answers at once; the CPU baseline is our own previous sample, not a second one Docker waits for.
        return GetJsonAsync(
            $"containers/{Escape(containerId)}/stats?stream=false&one-shot=true",
            root => DockerWire.Stats(root, _timeProvider.GetUtcNow()),
            "a stats reading",
            cancellationToken);
    }

    public async Task<SourceResult<ContainerCommandOutcome>> SendCommandAsync(string containerId, ContainerCommand command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(containerId);
        var (verb, query) = command switch
        {
            ContainerCommand.Start => ("start", ""),
            ContainerCommand.Stop => ("stop", $"?t={StopGraceSeconds}"),
            ContainerCommand.Restart => ("restart", $"?t={StopGraceSeconds}"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };

        // Stop and restart answer only once the container has exited (after up to t seconds), so they get t on top.
        var timeout = command == ContainerCommand.Start ? _requestTimeout : _requestTimeout + TimeSpan.FromSeconds(StopGraceSeconds);
        var prefix = await VersionPrefixAsync(cancellationToken);
        if (!prefix.IsSuccess)
        {
            return prefix.Error;
        }

        var path = $"containers/{Escape(containerId)}/{verb}{query}";
        using var deadline = new RequestDeadline(timeout, _timeProvider, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, prefix.Value + "/" + path);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.NotModified => SourceResult<ContainerCommandOutcome>.Ok(ContainerCommandOutcome.AlreadyInState),
                var status when (int)status is >= 200 and < 300 => SourceResult<ContainerCommandOutcome>.Ok(ContainerCommandOutcome.Done),
                _ => await FailureAsync(response, "POST", path, deadline.Token),
            };
        }
        catch (Exception ex) when (IsTransportFailure(ex) && UpstreamFailures.FromException(ex, cancellationToken) is { } error)
        {
            return Failed("POST", path, error);
        }
    }
}
