using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Persistence.Conversations;
using Homelab.Dashboard.Persistence.Traces;
using Homelab.Domain.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

internal static class PersistenceExtensions
{
    /// <summary>SQLite through <see cref="IDbContextFactory{TContext}"/>, migrations at start-up, the audit log, traces and conversations.</summary>
    public static IHostApplicationBuilder AddHomelabPersistence(this IHostApplicationBuilder builder)
    {
        // Read as plain text: a malformed Homelab section is reported by the options validator, not here.
        var path = builder.Configuration[$"{HomelabOptions.SectionName}:Database:Path"] is { Length: > 0 } configured ? configured : new DatabaseOptions().Path;
        if (!string.IsNullOrWhiteSpace(path))
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            path = full;
        }

        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        builder.Services.AddSingleton(new DatabaseLocation(connection));
        builder.Services.AddDbContextFactory<HomelabDbContext>(options => options.UseSqlite(connection).AddInterceptors(new SqliteSynchronousInterceptor()));
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<IAuditLog, EfAuditLog>();

        // Traces: recorded through a bounded queue, written by one background writer, pruned hourly. The writer is
        // registered after the initializer, so it starts on a migrated file.
        builder.Services.AddSingleton(sp => new TraceQueue(sp.GetRequiredService<ILogger<TraceQueue>>()));
        builder.Services.AddSingleton<ITraceStore, EfTraceStore>();
        builder.Services.AddHostedService<TraceWriter>();
        builder.Services.AddHostedService<TraceRetention>();
        builder.Services.AddSingleton<IConversationStore, EfConversationStore>();
        return builder;
    }
}
