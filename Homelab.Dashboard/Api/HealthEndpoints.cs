using System.Text.Json;
using Homelab.Dashboard.Persistence;
using Homelab.Domain.Live;
using Homelab.Domain.Sources;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Homelab.Dashboard.Api;

/// <summary>
/// <c>/healthz</c>: the dashboard's own health (database) and every source's status. A failing upstream makes the
/// dashboard degraded, not unhealthy: it is still doing its job, which is to show that.
/// </summary>
internal static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IServiceCollection AddHomelabHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SourcesHealthCheck>("sources");
        return services;
    }

    public static IEndpointRouteBuilder MapHomelabHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous(); // Container health checks and uptime monitors have no sign-in; the body holds no secret.
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    /// <summary>Opens the file and asks SQLite to check it, without loading EF Core just to answer a probe.</summary>
    private sealed class DatabaseHealthCheck(DatabaseLocation location) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = new SqliteConnection(location.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA quick_check;";
                var result = await command.ExecuteScalarAsync(cancellationToken) as string;
                return result == "ok"
                    ? HealthCheckResult.Healthy("SQLite is reachable")
                    : HealthCheckResult.Unhealthy($"SQLite reports damage: {result}");
            }
            catch (SqliteException ex)
            {
                return HealthCheckResult.Unhealthy($"SQLite failed: {ex.Message}");
            }
        }
    }

    private sealed class SourcesHealthCheck(ILiveHomelab live) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var sources = live.Current.Sources;
            var data = sources.ToDictionary(
                s => s.Id,
                s => (object)new
                {
                    health = s.Health.ToString(),
                    simulated = s.Simulated,
                    lastSuccess = s.LastSuccess,
                    error = s.LastError?.Message,
                });
            var failing = sources.Where(s => s.Health is SourceHealth.Down or SourceHealth.Stale).Select(s => s.Id).ToList();
            var result = failing.Count == 0
                ? HealthCheckResult.Healthy($"{sources.Count} source(s) answering", data)
                : HealthCheckResult.Degraded($"not answering: {string.Join(", ", failing)}", data: data);
            return Task.FromResult(result);
        }
    }
}
