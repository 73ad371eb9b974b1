using Homelab.Dashboard.Live;
using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Tools;
using Homelab.Domain.Live;
using Homelab.Domain.Ports;
using Homelab.Domain.Sources;

namespace Homelab.Dashboard.Agent.Tools;

/// <summary>What every tool reads from, and how it words results, errors and the age of its data.</summary>
internal sealed class ToolContext(ILiveHomelab live, SourceRegistry sources, IAuditLog audit, TimeProvider timeProvider, int resultLimit)
{
    public HomelabSnapshot Snapshot => live.Current;

    public SourceRegistry Sources => sources;

    public IAuditLog Audit => audit;

    public TimeProvider Time => timeProvider;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public int ResultLimit => resultLimit;

    public string Json(object value) => ToolResultText.Json(value, resultLimit);

    public string Error(string message) => ToolResultText.Error(message, resultLimit);

    /// <summary>"45 s", "2 min", "3 d 4 h" since <paramref name="at"/>.</summary>
    public string Age(DateTimeOffset at) => UiFormat.Duration(Now - at);

    /// <summary>
    /// Why a source's data cannot be used, or null when it can: not configured, not answered yet, or down (with its
    /// error and how old the last data is).
    /// </summary>
    public string? Unavailable(HomelabSnapshot snapshot, string sourceId, string name, bool hasData)
    {
        var status = snapshot.FindSource(sourceId);
        if (status is null)
        {
            return hasData ? null : $"{name} is not configured";
        }

        if (status.Health == SourceHealth.Down)
        {
            var error = status.LastError is { } e ? UntrustedText.Inline(e.ToString()) : "no answer";
            var age = hasData && status.LastSuccess is { } last ? $"the last data is {Age(last)} old" : "no data has been received";
            return $"{status.DisplayName} is down ({error}); {age}";
        }

        return hasData ? null : $"{status.DisplayName} has not answered yet";
    }

    /// <summary>A note for data that is still shown but old (the source is slow, not yet failing); null when fresh.</summary>
    public string? StaleNote(HomelabSnapshot snapshot, string sourceId)
    {
        var status = snapshot.FindSource(sourceId);
        return status is { Health: SourceHealth.Stale, LastSuccess: { } last }
            ? $"{status.DisplayName} is slow to answer; this data is {Age(last)} old"
            : null;
    }

    public static double Round(double value, int digits = 1) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    public static double Gib(long bytes) => Round(bytes / (double)(1L << 30), 1);

    public static double Mib(long bytes) => Round(bytes / (double)(1L << 20), 0);

    public static double MibPerSecond(long bytesPerSecond) => Round(bytesPerSecond / (double)(1L << 20), 2);

    public static double? Percent(double? fraction) => fraction is { } f ? Round(f * 100) : null;
}
