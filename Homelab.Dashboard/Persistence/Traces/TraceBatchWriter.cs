using Homelab.Domain.Agent.Traces;
using Microsoft.Data.Sqlite;

namespace Homelab.Dashboard.Persistence.Traces;

/// <summary>Writes batches of traces and their hourly rollups in one transaction, with statements prepared once.</summary>
/// <remarks>
/// Plain SQLite rather than EF Core: a prepared insert per row inside one transaction is what makes thousands of
/// traces a second cheap, and the rollup merge (read, add, write back) needs the histogram in code anyway.
/// Not thread-safe; the single <see cref="TraceWriter"/> owns it.
/// </remarks>
internal sealed class TraceBatchWriter(string connectionString) : IDisposable
{
    private const long HourMs = 3_600_000;

    private SqliteConnection? _connection;
    private SqliteCommand _insertTrace = null!;
    private SqliteCommand _insertExchange = null!;
    private SqliteCommand _readHour = null!;
    private SqliteCommand _writeHour = null!;

    /// <summary>Writes <paramref name="batch"/>; returns how many traces were new (a repeated id is skipped).</summary>
    public int Write(IReadOnlyList<ModelCallTrace> batch)
    {
        var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var command in new[] { _insertTrace, _insertExchange, _readHour, _writeHour })
        {
            command.Transaction = transaction;
        }

        var hours = new Dictionary<(long Hour, string Caller, string Model), TraceAccumulator>();
        var written = 0;
        foreach (var trace in batch)
        {
            var caller = Name(trace.Caller);
            var model = Name(trace.Model);
            if (!InsertTrace(trace, caller, model))
            {
                continue;
            }

            written++;
            if (TraceText.Exchange(trace.Exchange) is { } exchange)
            {
                _insertExchange.Parameters[0].Value = Key(trace.Id);
                _insertExchange.Parameters[1].Value = exchange;
                _insertExchange.ExecuteNonQuery();
            }

            var at = trace.At.ToUnixTimeMilliseconds();
            var key = (at - (((at % HourMs) + HourMs) % HourMs), caller, model);
            if (!hours.TryGetValue(key, out var hour))
            {
                hours[key] = hour = new TraceAccumulator();
            }

            hour.Add(trace);
        }

        foreach (var ((hourMs, caller, model), added) in hours)
        {
            MergeHour(hourMs, caller, model, added);
        }

        transaction.Commit();
        return written;
    }

    /// <summary>Drops the connection after a failure, so the next batch starts clean (the file may have moved or come back).</summary>
    public void Reset()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Reset();

    /// <summary>How the store keys a trace id: EF Core keeps a <see cref="Guid"/> in SQLite as upper-case text.</summary>
    internal static string Key(Guid id) => id.ToString().ToUpperInvariant();

    internal static string Name(string value) => value.Length <= 100 ? value : value[..100];

    private bool InsertTrace(ModelCallTrace trace, string caller, string model)
    {
        var p = _insertTrace.Parameters;
        p[0].Value = Key(trace.Id);
        p[1].Value = trace.At.ToUnixTimeMilliseconds();
        p[2].Value = caller;
        p[3].Value = model;
        p[4].Value = trace.Outcome.ToString();
        p[5].Value = trace.Latency.TotalMilliseconds;
        p[6].Value = trace.TimeToFirstToken is { } first ? first.TotalMilliseconds : DBNull.Value;
        p[7].Value = trace.PromptTokens is { } prompt ? prompt : DBNull.Value;
        p[8].Value = trace.CompletionTokens is { } completion ? completion : DBNull.Value;
        p[9].Value = trace.ToolCallCount;
        p[10].Value = string.Join(',', trace.ToolNames);
        p[11].Value = trace.ToolCallsSucceeded;
        p[12].Value = trace.ToolCallsFailed;
        p[13].Value = TraceText.Error(trace.Error) is { } error ? error : DBNull.Value;
        p[14].Value = TraceText.Preview(trace.PromptPreview);
        p[15].Value = TraceText.Preview(trace.ResponsePreview);
        p[16].Value = trace.ConversationId is { } conversation ? Key(conversation) : DBNull.Value;
        return _insertTrace.ExecuteNonQuery() == 1;
    }

    private void MergeHour(long hourMs, string caller, string model, TraceAccumulator added)
    {
        _readHour.Parameters[0].Value = hourMs;
        _readHour.Parameters[1].Value = caller;
        _readHour.Parameters[2].Value = model;
        var hour = new TraceAccumulator();
        using (var reader = _readHour.ExecuteReader())
        {
            if (reader.Read())
            {
                hour.Calls = reader.GetInt64(0);
                hour.Errors = reader.GetInt64(1);
                hour.Cancelled = reader.GetInt64(2);
                hour.LatencySumMs = reader.GetDouble(3);
                hour.PromptTokens = reader.GetInt64(4);
                hour.CompletionTokens = reader.GetInt64(5);
                hour.GenerationMs = reader.GetDouble(6);
                hour.ToolCalls = reader.GetInt64(7);
                hour.ToolCallsSucceeded = reader.GetInt64(8);
                hour.ToolCallsFailed = reader.GetInt64(9);
                hour.Latency.AddBytes((byte[])reader.GetValue(10));
            }
        }

        hour.Merge(added);
        var p = _writeHour.Parameters;
        p[0].Value = hourMs;
        p[1].Value = caller;
        p[2].Value = model;
        p[3].Value = hour.Calls;
        p[4].Value = hour.Errors;
        p[5].Value = hour.Cancelled;
        p[6].Value = hour.LatencySumMs;
        p[7].Value = hour.PromptTokens;
        p[8].Value = hour.CompletionTokens;
        p[9].Value = hour.GenerationMs;
        p[10].Value = hour.ToolCalls;
        p[11].Value = hour.ToolCallsSucceeded;
        p[12].Value = hour.ToolCallsFailed;
        p[13].Value = hour.Latency.ToBytes();
        _writeHour.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = SqliteSynchronousInterceptor.Pragma;
                pragma.ExecuteNonQuery();
            }

            _insertTrace = Prepare(connection, """
                INSERT OR IGNORE INTO traces (Id, AtUnixMs, Caller, Model, Outcome, LatencyMs, TimeToFirstTokenMs, PromptTokens,
                    CompletionTokens, ToolCallCount, ToolNames, ToolCallsSucceeded, ToolCallsFailed, Error, PromptPreview, ResponsePreview, ConversationId)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16);
                """, 17);
            _insertExchange = Prepare(connection, "INSERT OR IGNORE INTO trace_exchanges (TraceId, Json) VALUES ($p0, $p1);", 2);
            _readHour = Prepare(connection, """
                SELECT Calls, Errors, Cancelled, LatencySumMs, PromptTokens, CompletionTokens, GenerationMs, ToolCalls,
                    ToolCallsSucceeded, ToolCallsFailed, LatencyHistogram
                FROM trace_hours WHERE HourUnixMs = $p0 AND Caller = $p1 AND Model = $p2;
                """, 3);
            _writeHour = Prepare(connection, """
                INSERT OR REPLACE INTO trace_hours (HourUnixMs, Caller, Model, Calls, Errors, Cancelled, LatencySumMs, PromptTokens,
                    CompletionTokens, GenerationMs, ToolCalls, ToolCallsSucceeded, ToolCallsFailed, LatencyHistogram)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13);
                """, 14);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        return connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}
