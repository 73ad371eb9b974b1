using System.Text.Json;
using Homelab.Dashboard.Api.Homepage;
using Homelab.Dashboard.Embed;
using Homelab.Domain.Live;

// In Api, beside MapHomelabHealth, so the composition root needs no extra using.
namespace Homelab.Dashboard.Api;

/// <summary>
/// <c>/api/homepage/*</c>: small flat JSON objects for Homepage's <c>customapi</c> widget, read from the live snapshot
/// (never upstream), behind an embed token with the Homepage API scope.
/// </summary>
internal static class HomepageEndpoints
{
    public const string Path = "/api/homepage";

    /// <summary>snake_case, as Homepage mappings are usually written; numbers stay numbers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapHomelabHomepageApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).RequireAuthorization(EmbedScope.HomepageApi.Policy()).WithTags("Homepage");
        group.MapGet("/cluster", (ILiveHomelab live, TimeProvider time) => Ok(HomepageSummaries.Cluster(live.Current, time.GetUtcNow())));
        group.MapGet("/containers", (ILiveHomelab live, TimeProvider time) => Ok(HomepageSummaries.Containers(live.Current, time.GetUtcNow())));
        group.MapGet("/torrents", (ILiveHomelab live, TimeProvider time) => Ok(HomepageSummaries.Torrents(live.Current, time.GetUtcNow())));
        group.MapGet("/vpn", (ILiveHomelab live, TimeProvider time) => Ok(HomepageSummaries.Vpn(live.Current, time.GetUtcNow())));
        return endpoints;
    }

    // Homepage polls; a cached answer would show old numbers as new.
    private static NoStoreJson<T> Ok<T>(T summary) => new(summary);

    private sealed class NoStoreJson<T>(T value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return httpContext.Response.WriteAsJsonAsync(value, Json);
        }
    }
}
