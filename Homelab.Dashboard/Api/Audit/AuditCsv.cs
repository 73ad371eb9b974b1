using System.Globalization;
using System.Text;
using Homelab.Domain.Actions;

namespace Homelab.Dashboard.Api.Audit;

/// <summary>
/// Audit records as RFC 4180 CSV for spreadsheets and scripts: one header row, every field quoted when it needs to
/// be, times in UTC ISO 8601, durations in seconds.
/// </summary>
/// <remarks>
/// Targets and messages come from upstreams and from people (container names, agent prompts), so a cell that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed with a quote.
/// </remarks>
internal static class AuditCsv
{
    public const string Header = "id,at_utc,actor,via,action,target,outcome,message,duration_s,trace_id";

    public static string Row(AuditRecord record)
    {
        var line = new StringBuilder(160);
        line.Append(record.Id.ToString(CultureInfo.InvariantCulture)).Append(',');
        line.Append(record.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',');
        Field(line, record.Actor).Append(',');
        line.Append(Model.AuditListQuery.ViaWord(record.Via)).Append(',');
        Field(line, record.Action).Append(',');
        Field(line, record.Target).Append(',');
        line.Append(Model.AuditListQuery.OutcomeQuery(record.Outcome)).Append(',');
        Field(line, record.Message).Append(',');
        line.Append(record.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(',');
        line.Append(record.TraceId?.ToString("D") ?? string.Empty);
        return line.ToString();
    }

    private static StringBuilder Field(StringBuilder line, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            return line.Append(value);
        }

        return line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
