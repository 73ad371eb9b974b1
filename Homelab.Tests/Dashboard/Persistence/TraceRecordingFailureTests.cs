using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Persistence.Traces;
using Homelab.Tests.Dashboard.Adapters.Proxmox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static Homelab.Tests.Dashboard.Persistence.TestTraces;

namespace Homelab.Tests.Dashboard.Persistence;

/// <summary>Recording must never fail or hold up a chat, whatever state the database is in.</summary>
public sealed class TraceRecordingFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_QueueFull_DropsWithOneWarningInsteadOfBlocking()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false, queueCapacity: 4);

        // No writer runs: a blocking Record would never return here.
        for (var i = 0; i < 10; i++)
        {
            db.Traces.Record(Call(Noon));
        }

        Assert.Equal(6, db.Queue.Dropped);
        Assert.Single(db.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("queue is full", StringComparison.Ordinal));

        await db.StartWriterAsync();
        await db.Traces.FlushAsync(Ct);

        Assert.Equal(4L, await db.ScalarAsync("SELECT count(*) FROM traces;"));
        Assert.Contains(db.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("Dropped 6 trace(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_DatabaseMissing_LogsTheFailureAndKeepsGoing()
    {
        // A folder that does not exist: opening the file fails on every batch.
        var location = new DatabaseLocation($"Data Source={Path.Combine(Path.GetTempPath(), "homelab-missing-" + Guid.NewGuid(), "homelab.db")};Pooling=False;Mode=ReadWrite");
        var logs = new TestLoggerProvider();
        var queue = new TraceQueue(logs.CreateLogger<TraceQueue>());
        using var writer = new TraceWriter(queue, location, logs.CreateLogger<TraceWriter>());
        await writer.StartAsync(Ct);
        var store = new EfTraceStore(queue, null!);

        store.Record(Call(Noon));
        await store.FlushAsync(Ct);
        store.Record(Call(Noon));
        await store.FlushAsync(Ct);

        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Error && e.Text.Contains("Could not write 1 trace(s)", StringComparison.Ordinal)));
        await writer.StopAsync(Ct);
    }

    [Fact]
    public async Task Record_DatabaseLocked_LogsAndWritesOnceUnlocked()
    {
        await using var db = await TestDatabase.CreateAsync(extra: ";Default Timeout=1");
        await using (var locker = new SqliteConnection(db.Location.ConnectionString))
        {
            await locker.OpenAsync(Ct);
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync(Ct);

            db.Traces.Record(Call(Noon));
            await db.Traces.FlushAsync(Ct);
        }

        db.Traces.Record(Call(Noon));
        await db.Traces.FlushAsync(Ct);

        Assert.Contains(db.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Could not write", StringComparison.Ordinal));
        Assert.Equal(1L, await db.ScalarAsync("SELECT count(*) FROM traces;"));
    }

    [Fact]
    public async Task Record_FileReadOnly_LogsAndDoesNotThrow()
    {
        await using var db = await TestDatabase.CreateAsync(startWriter: false);
        await db.StartWriterAsync(db.Location.ConnectionString + ";Mode=ReadOnly");

        db.Traces.Record(Call(Noon));
        await db.Traces.FlushAsync(Ct);

        Assert.Contains(db.Logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("Could not write", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_FileDeletedWhileRunning_DoesNotThrow()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.RecordAsync(Call(Noon));

        File.Delete(db.FilePath);
        db.Traces.Record(Call(Noon));
        await db.Traces.FlushAsync(Ct);
        db.Traces.Record(Call(Noon));
        await db.Traces.FlushAsync(Ct);

        Assert.Equal(0, db.Queue.Dropped);
    }

    [Fact]
    public async Task Record_Null_IsIgnored()
    {
        await using var db = await TestDatabase.CreateAsync();

        db.Traces.Record(null!);
        await db.Traces.FlushAsync(Ct);

        Assert.Equal(0L, await db.ScalarAsync("SELECT count(*) FROM traces;"));
    }
}
