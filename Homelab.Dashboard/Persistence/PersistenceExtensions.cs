using Homelab.Dashboard.Configuration;
using Homelab.Domain.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

internal static class PersistenceExtensions
{
    /// <summary>SQLite through <see cref="IDbContextFactory{TContext}"/>, migrations at start-up, and the audit log.</summary>
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
        builder.Services.AddDbContextFactory<HomelabDbContext>(options => options.UseSqlite(connection));
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<IAuditLog, EfAuditLog>();
        return builder;
    }
}
