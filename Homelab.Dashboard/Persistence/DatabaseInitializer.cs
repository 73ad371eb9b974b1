using Microsoft.Data.Sqlite;

namespace Homelab.Dashboard.Persistence;

/// <summary>Applies pending migrations before anything else starts, and switches the file to WAL.</summary>
/// <remarks>
/// Both the check and the migrations themselves use a plain SQLite connection: which migrations are applied is one
/// query, and each pending one runs its embedded script (<see cref="MigrationScripts"/>). EF Core's migrator would
/// otherwise stay loaded for the life of the process (about 9 MB); EF Core is only loaded when the dashboard first
/// reads or writes its data.
/// </remarks>
internal sealed partial class DatabaseInitializer(DatabaseLocation location, ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>The migrations compiled into this build, by id: one embedded script each.</summary>
    /// <remarks>
    /// Read from the resource names rather than by scanning the assembly's types: that loaded every type of the
    /// dashboard (pages, components, agent tools and the assemblies they name) at start-up just to find the
    /// migrations. A test checks that every migration class has its script, so the two lists cannot differ.
    /// </remarks>
    internal static IReadOnlyList<string> KnownMigrations { get; } = MigrationScripts.Ids();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(location.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var applied = await AppliedMigrationsAsync(connection, cancellationToken);
        var pending = KnownMigrations.Where(id => !applied.Contains(id)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count, string.Join(", ", pending));
            await ApplyAsync(connection, pending, cancellationToken);
        }

        // WAL lets the audit writer and readers (pages, API) work without blocking each other; it sticks to the file.
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task ApplyAsync(SqliteConnection connection, List<string> pending, CancellationToken cancellationToken)
    {
        // Each script brings its own transaction and history row, exactly as `dotnet ef migrations script` wrote it.
        foreach (var id in pending)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = MigrationScripts.Load(id) ?? throw new InvalidOperationException($"Migration {id} has no embedded script.");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<HashSet<string>> AppliedMigrationsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return applied;
        }

        await using var history = connection.CreateCommand();
        history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
        await using var reader = await history.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    [LoggerMessage(4001, LogLevel.Information, "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogMigrating(ILogger logger, int count, string migrations);
}
