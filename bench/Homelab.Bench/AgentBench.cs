using System.Diagnostics;
using Homelab.Dashboard;
using Homelab.Dashboard.Agent.Chat;
using Homelab.Dashboard.Agent.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Homelab.Bench;

/// <summary>
/// The time the dashboard adds around each model call, in-process against the simulated model over real HTTP.
/// </summary>
/// <remarks>
/// Each turn is "is the vpn up?": one tool round (get_vpn_status) and an answer, so two model calls. A handler under
/// OllamaSharp times each raw HTTP exchange, from sending the request to the last byte of the answer: that is the
/// model server's own time (plus loopback transfer). The dashboard's share of a turn is the turn's wall time, from
/// SendAsync to its completion, minus those exchanges: OllamaSharp's mapping, the tool loop and the tool, trace
/// recording, storing every message, and the fan-out to a watcher. Divided by the turn's model calls, that is the
/// overhead per call. The simulator's token delay is zero, so nothing hides in generation time.
/// </remarks>
internal static class AgentBench
{
    private const string Question = "is the vpn up?";

    public static async Task<int> RunAsync(int turns)
    {
        // BENCH_DATA_DIR puts the database elsewhere (e.g. /dev/shm) to separate disk flushes from the pipeline.
        var root = Environment.GetEnvironmentVariable("BENCH_DATA_DIR");
        var data = root is { Length: > 0 } ? Directory.CreateDirectory(Path.Combine(root, $"homelab-agent-bench-{Guid.NewGuid():N}")).FullName : Directory.CreateTempSubdirectory("homelab-agent-bench-").FullName;
        var exchanges = new ExchangeTimer();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Homelab:Demo"] = "true",
            ["Homelab:Database:Path"] = Path.Combine(data, "homelab.db"),
            ["Homelab:Simulator:ProxmoxPort"] = "0",
            ["Homelab:Simulator:DockerPort"] = "0",
            ["Homelab:Simulator:QBittorrentPort"] = "0",
            ["Homelab:Simulator:GluetunPort"] = "0",
            ["Homelab:Simulator:OllamaPort"] = "0",
            ["Homelab:Simulator:OllamaTokenDelay"] = "00:00:00",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHomelab();
        builder.Services.AddSingleton<IOllamaHandlerFactory>(exchanges);
        await using var app = builder.Build();
        await app.StartAsync();

        var chat = app.Services.GetRequiredService<IAgentChat>();
        var actor = new Actor("bench", ActionVia.Ui);
        Console.Error.WriteLine($"Agent: warming up, then {turns} turns of \"{Question}\"…");
        for (var i = 0; i < 20; i++)
        {
            await TurnAsync(chat, actor, exchanges);
        }

        var perCall = new List<double>();
        var perTurn = new List<double>();
        var server = new List<double>();
        var calls = 0;
        for (var i = 0; i < turns; i++)
        {
            var (wall, times) = await TurnAsync(chat, actor, exchanges);
            var overhead = wall - times.Sum();
            perTurn.Add(wall);
            server.AddRange(times);
            perCall.Add(overhead / times.Count);
            calls += times.Count;
        }

        await app.StopAsync();
        Console.WriteLine();
        Console.WriteLine("| Measure | p50 | p95 |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| Dashboard time per model call ({turns} turns, {calls} calls) | {Percentile(perCall, 50):0.00} ms | {Percentile(perCall, 95):0.00} ms |");
        Console.WriteLine($"| Model server's own time per call (raw HTTP exchange) | {Percentile(server, 50):0.00} ms | {Percentile(server, 95):0.00} ms |");
        Console.WriteLine($"| Whole turn (send → completion) | {Percentile(perTurn, 50):0.00} ms | {Percentile(perTurn, 95):0.00} ms |");
        Directory.Delete(data, recursive: true);
        return 0;
    }

    private static async Task<(double WallMs, List<double> ExchangeMs)> TurnAsync(IAgentChat chat, Actor actor, ExchangeTimer exchanges)
    {
        var conversation = await chat.StartConversationAsync(ConversationSurface.Web, CancellationToken.None);
        using var watching = new CancellationTokenSource();
        var watch = await chat.WatchAsync(conversation.Id, watching.Token);
        var reader = Task.Run(async () =>
        {
            await foreach (var change in watch.Events)
            {
                if (change is TurnEnded)
                {
                    return;
                }
            }
        });
        exchanges.Reset();
        var clock = Stopwatch.StartNew();
        var start = await chat.SendAsync(conversation.Id, Question, actor, CancellationToken.None);
        var summary = await start.Completion;
        var wall = clock.Elapsed.TotalMilliseconds;
        await reader;
        await watching.CancelAsync();
        if (summary.Outcome != TurnOutcome.Completed || summary.ToolCalls.Count != 1)
        {
            throw new InvalidOperationException($"unexpected turn: {summary.Outcome}, {summary.ToolCalls.Count} tool calls, {summary.Error}");
        }

        return (wall, exchanges.Take());
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    /// <summary>Times each raw exchange with the model server: request sent → last byte of the answer read.</summary>
    private sealed class ExchangeTimer : IOllamaHandlerFactory
    {
        private readonly List<double> _times = [];

        public HttpMessageHandler Create() => new TimingHandler(this) { InnerHandler = new SocketsOllamaHandlerFactory().Create() };

        public void Reset()
        {
            lock (_times)
            {
                _times.Clear();
            }
        }

        public List<double> Take()
        {
            lock (_times)
            {
                return [.. _times];
            }
        }

        private void Add(double milliseconds)
        {
            lock (_times)
            {
                _times.Add(milliseconds);
            }
        }

        private sealed class TimingHandler(ExchangeTimer timer) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await base.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var timed = new StreamContent(new EndTimedStream(body, () => timer.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds)));
                foreach (var header in response.Content.Headers)
                {
                    timed.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = timed;
                return response;
            }
        }

        /// <summary>Calls back once, when the body's last byte has been read.</summary>
        private sealed class EndTimedStream(Stream inner, Action ended) : Stream
        {
            private bool _ended;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                if (read == 0 && !_ended)
                {
                    _ended = true;
                    ended();
                }

                return read;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}
