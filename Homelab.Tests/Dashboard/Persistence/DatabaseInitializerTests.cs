using System.Reflection;
using Homelab.Dashboard.Persistence;
using Homelab.Domain.Actions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Migrations at start-up on real SQLite files.</summary>
public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("homelab-db-").FullName;

    private DatabaseLocation Location => new($"Data Source={Path.Combine(_directory, "homelab.db")};Pooling=False");

    [Fact]
    public void KnownMigrations_ListsTheBuildsMigrations()
    {
        Assert.Contains(DatabaseInitializer.KnownMigrations, id => id.EndsWith("_InitialAuditLog", StringComparison.Ordinal));
    }

    [Fact]
    public void KnownMigrations_EveryMigrationClass_IsListedOldestFirst()
    {
        // The dashboard lists its migrations from the embedded scripts; a migration class without a script would
        // never be applied, so the two lists must be the same.
        var classes = typeof(HomelabDbContext).Assembly.GetTypes()
            .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(HomelabDbContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(classes);
        Assert.Equal(classes, DatabaseInitializer.KnownMigrations);
    }

    [Fact]
    public void MigrationScripts_EveryMigration_MatchesWhatEfCoreGenerates()
    {
        using var db = new FileContexts(Location).CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        string? previous = null;
        foreach (var id in DatabaseInitializer.KnownMigrations)
        {
            var embedded = MigrationScripts.Load(id);
            Assert.True(embedded is not null, $"No embedded script for {id}: run `EfDesign=true dotnet ef migrations script {previous ?? "0"} {id} -o Persistence/Migrations/Sql/{id}.sql` in Homelab.Dashboard.");
            Assert.Equal(Normalize(migrator.GenerateScript(previous, id)), Normalize(embedded));
            previous = id;
        }
    }

    [Fact]
    public async Task Start_NewFile_CreatesSchemaAndTheAuditLogUsesIt()
    {
        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);

        var audit = new EfAuditLog(new FileContexts(Location));
        var record = await audit.AppendAsync(new AuditRecord { At = DateTimeOffset.UnixEpoch, Actor = "a", Via = ActionVia.Ui, Action = "container.stop", Target = "t", Outcome = ActionOutcome.Succeeded, Message = "exited after 1 s", Duration = TimeSpan.FromSeconds(1) }, CancellationToken.None);
        Assert.True(record.Id > 0);
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Start_SchemaCurrent_AppliesNothingAgain()
    {
        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);
        await ScalarAsync("INSERT INTO audit_log (AtUnixMs, Actor, Via, Action, Target, Outcome, Message, DurationMs) VALUES (1, 'a', 'Ui', 'container.stop', 't', 'Succeeded', 'exited', 1000);");

        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM audit_log;"));
        Assert.Equal(DatabaseInitializer.KnownMigrations.Count, Convert.ToInt32(await ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Migrations_AgainstTheModel_HaveNothingPending()
    {
        // Branches that each add a migration merge their snapshots by hand; this catches a snapshot that lost a change.
        using var db = new FileContexts(Location).CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Start_HistoryMissingAMigration_AppliesIt()
    {
        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);
        await ScalarAsync("DROP TABLE audit_log; DROP TABLE traces; DROP TABLE trace_exchanges; DROP TABLE trace_hours; DROP TABLE conversation_messages; DROP TABLE conversations; DROP TABLE embed_tokens; DROP TABLE accounts; DELETE FROM __EFMigrationsHistory;");

        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM audit_log;"));
        Assert.Equal(DatabaseInitializer.KnownMigrations.Count, Convert.ToInt32(await ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Start_PreviousSchemaWithAuditRows_KeepsThemAndAddsTracesAndConversations()
    {
        await ScalarAsync(MigrationScripts.Load(DatabaseInitializer.KnownMigrations[0])!);
        await ScalarAsync("INSERT INTO audit_log (AtUnixMs, Actor, Via, Action, Target, Outcome, Message, DurationMs) VALUES (1, 'a', 'Ui', 'container.stop', 't', 'Succeeded', 'exited', 1000);");

        await new DatabaseInitializer(Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);

        var records = await new EfAuditLog(new FileContexts(Location)).RecentAsync(10, CancellationToken.None);
        Assert.Equal("exited", Assert.Single(records).Message);
        Assert.Null(records[0].TraceId);
        Assert.Equal(5L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('traces', 'trace_exchanges', 'trace_hours', 'conversations', 'conversation_messages');"));
        Assert.Equal(DatabaseInitializer.KnownMigrations.Count, Convert.ToInt32(await ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', ' ', '\n');

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Gives EF Core contexts on the test's file.</summary>
    private sealed class FileContexts(DatabaseLocation location) : IDbContextFactory<HomelabDbContext>
    {
        public HomelabDbContext CreateDbContext()
        {
            return new HomelabDbContext(new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(location.ConnectionString).Options);
        }
    }
}
