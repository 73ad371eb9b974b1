using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Persistence.Traces;
using Homelab.Domain.Agent.Traces;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>A migrated SQLite file in its own temp folder, with the trace store and its writer running on it.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TraceWriter? _writer;

    private TestDatabase(string directory, int queueCapacity, string extra)
    {
        Directory = directory;
        Location = new DatabaseLocation($"Data Source={Path.Combine(directory, "homelab.db")};Pooling=False{extra}");
        Contexts = new Factory(Location);
        Logs = new TestLoggerProvider();
        Queue = new TraceQueue(Logs.CreateLogger<TraceQueue>(), queueCapacity);
        Traces = new EfTraceStore(Queue, Contexts);
    }

    public string Directory { get; }

    public DatabaseLocation Location { get; }

    public IDbContextFactory<HomelabDbContext> Contexts { get; }

    public TestLoggerProvider Logs { get; }

    public TraceQueue Queue { get; }

    public EfTraceStore Traces { get; }

    public string FilePath => Path.Combine(Directory, "homelab.db");

    /// <summary>Migrates a fresh file; the trace writer starts unless told not to.</summary>
    public static async Task<TestDatabase> CreateAsync(bool startWriter = true, int queueCapacity = TraceQueue.DefaultCapacity, string extra = "")
    {
        var database = new TestDatabase(System.IO.Directory.CreateTempSubdirectory("homelab-db-").FullName, queueCapacity, extra);
        await new DatabaseInitializer(database.Location, NullLogger<DatabaseInitializer>.Instance).StartAsync(CancellationToken.None);
        if (startWriter)
        {
            await database.StartWriterAsync();
        }

        return database;
    }

    /// <summary>Starts the writer, on this file or through another connection string (read-only, say).</summary>
    public async Task StartWriterAsync(string? connectionString = null)
    {
        _writer = new TraceWriter(Queue, connectionString is null ? Location : new DatabaseLocation(connectionString), Logs.CreateLogger<TraceWriter>());
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task RecordAsync(params ModelCallTrace[] traces)
    {
        foreach (var trace in traces)
        {
            Traces.Record(trace);
        }

        await Traces.FlushAsync(TestContext.Current.CancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.StopAsync(CancellationToken.None);
            _writer.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Factory(DatabaseLocation location) : IDbContextFactory<HomelabDbContext>
    {
        public HomelabDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(location.ConnectionString).Options);
    }
}

/// <summary>Traces with sensible defaults, so each test states only what it is about.</summary>
internal static class TestTraces
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static ModelCallTrace Call(DateTimeOffset at, string caller = "chat.agent.r0", string model = "qwen3.5:35b-a3b", double latencyMs = 1000, TraceOutcome outcome = TraceOutcome.Ok) => new()
    {
        At = at,
        Caller = caller,
        Model = model,
        Latency = TimeSpan.FromMilliseconds(latencyMs),
        Outcome = outcome,
        Error = outcome == TraceOutcome.Error ? "model not found" : null,
        PromptPreview = "How is the cluster?",
        ResponsePreview = "All three nodes are online.",
    };
}
