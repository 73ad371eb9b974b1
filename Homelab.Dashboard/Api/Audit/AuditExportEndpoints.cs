using System.Globalization;
using System.Text;
using Homelab.Dashboard.Api.Audit;
using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Ports;

// In Api, beside MapHomelabHealth, so the composition root needs no extra using.
namespace Homelab.Dashboard.Api;

/// <summary><c>GET /audit/export.csv</c>: the audit log with the page's filters, as CSV, streamed a page at a time.</summary>
internal static class AuditExportEndpoints
{
    public const string Path = "/audit/export.csv";

    public static IEndpointRouteBuilder MapHomelabAuditExport(this IEndpointRouteBuilder endpoints)
    {
        // Behind the fallback policy like the page itself: whoever may read the audit log may download it.
        endpoints.MapGet(Path, ExportAsync)
            .WithName("ExportAudit")
            .WithSummary("Downloads the audit log, filtered like /audit (via, outcome, q), as CSV.");
        return endpoints;
    }

    /// <summary>The export link for what the page currently shows.</summary>
    public static string Href(AuditListQuery query)
    {
        var parameters = query.ToQueryParameters()
            .Where(p => p.Key != AuditListQuery.IdKey && p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}");
        var queryString = string.Join('&', parameters);
        return queryString.Length == 0 ? Path : $"{Path}?{queryString}";
    }

    private static async Task ExportAsync(HttpContext http, IAuditLog audit, TimeProvider time)
    {
        var request = http.Request.Query;
        var query = AuditListQuery.FromQuery(request[AuditListQuery.ViaKey], request[AuditListQuery.OutcomeKey], request[AuditListQuery.TextKey], id: null);
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"homelab-audit-{stamp}.csv\"";
        http.Response.Headers.CacheControl = "no-store";

        var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(AuditCsv.Header + "\r\n");
            AuditCursor? after = null;
            do
            {
                // Keyset pages keep memory flat however long the log is.
                var page = await audit.QueryAsync(query.ToFilter(AuditFilter.MaxTake, after), http.RequestAborted);
                foreach (var record in page.Items)
                {
                    await writer.WriteAsync(AuditCsv.Row(record) + "\r\n");
                }

                await writer.FlushAsync(http.RequestAborted);
                after = page.Next;
            }
            while (after is not null);
        }
    }
}
