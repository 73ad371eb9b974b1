using Homelab.Dashboard.Configuration;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;

namespace Homelab.Dashboard.Agent.Model;

/// <summary>
/// The model the agent talks to: OllamaSharp over a guarded HTTP client, then trace recording, OpenTelemetry and the
/// guarded tool loop, composed with <see cref="ChatClientBuilder"/>.
/// </summary>
/// <remarks>
/// <see cref="Client"/> runs the tool loop for the tools in the options it is given; <see cref="CreateOptions"/>
/// adds what every call sends (<c>num_ctx</c>, <c>keep_alive</c>, thinking off).
/// </remarks>
internal sealed class AgentModel : IDisposable
{
    /// <summary>The OpenTelemetry source of the agent's model calls (gen_ai semantic conventions).</summary>
    public const string TelemetrySource = "Homelab.Agent";

    private readonly HttpClient? _http;
    private readonly OllamaOptions _ollama;

    public AgentModel(OllamaConnection connection, HttpMessageHandler handler, OllamaOptions ollama, AgentOptions agent, IServiceProvider services)
        : this(connection, CreateHttp(connection, handler, ollama, services), ollama, agent, services)
    {
    }

    private AgentModel(OllamaConnection connection, HttpClient http, OllamaOptions ollama, AgentOptions agent, IServiceProvider services)
        : this(connection, new OllamaApiClient(http, connection.ChatModel), ollama, agent, services) => _http = http;

    /// <summary>The same pipeline over any model client (tests use a scripted one).</summary>
    internal AgentModel(OllamaConnection connection, IChatClient modelClient, OllamaOptions ollama, AgentOptions agent, IServiceProvider services)
    {
        Connection = connection;
        _ollama = ollama;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var limit = agent.ToolResultLimit > 0 ? agent.ToolResultLimit : Homelab.Domain.Agent.Tools.ToolResultText.DefaultLimit;
        Client = new ChatClientBuilder(modelClient)
            .Use((inner, sp) => new GuardedFunctionInvoker(inner, Math.Max(1, agent.MaxToolRounds), Math.Max(1, agent.MaxIdenticalCalls), limit, timeProvider, loggerFactory))
            .UseOpenTelemetry(loggerFactory, TelemetrySource)
            .Use((inner, sp) => new ModelCallRecorder(inner, connection.ChatModel, sp.GetRequiredService<Homelab.Domain.Ports.ITraceStore>(), timeProvider, sp.GetRequiredService<ILogger<ModelCallRecorder>>()))
            .Build(services);
    }

    public OllamaConnection Connection { get; }

    public string ModelName => Connection.ChatModel;

    /// <summary>The whole pipeline: tool loop → telemetry → trace recording → Ollama.</summary>
    public IChatClient Client { get; }

    /// <summary>Options for one call: <paramref name="tools"/> (none for a plain answer) plus the Ollama settings.</summary>
    public ChatOptions CreateOptions(IEnumerable<AITool>? tools = null)
    {
        var keepAlive = KeepAlive(_ollama.KeepAlive);
        var contextSize = _ollama.ContextSize;
        return new ChatOptions
        {
            Tools = tools?.ToList() is { Count: > 0 } list ? list : null,
            // OllamaSharp starts its request from this object and fills in the rest, so these reach the wire as
            // keep_alive, options.num_ctx and think:false (the seed's tool calls run with thinking off).
            RawRepresentationFactory = _ => new ChatRequest
            {
                KeepAlive = keepAlive,
                Think = false,
                Options = new RequestOptions { NumCtx = contextSize > 0 ? contextSize : null },
            },
        };
    }

    public void Dispose()
    {
        Client.Dispose();
        _http?.Dispose();
    }

    private static HttpClient CreateHttp(OllamaConnection connection, HttpMessageHandler handler, OllamaOptions ollama, IServiceProvider services)
    {
        var guard = new OllamaResponseGuard(ollama.FirstByteTimeout, ollama.IdleTimeout, services.GetRequiredService<TimeProvider>()) { InnerHandler = handler };

        // The guard owns the time limits; a stream may legitimately run for minutes.
        return new HttpClient(guard) { BaseAddress = connection.Url, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Ollama's duration: seconds ("300s"), or -1 (keep loaded) for a negative value.</summary>
    private static string KeepAlive(TimeSpan span) => span < TimeSpan.Zero ? "-1" : $"{(long)span.TotalSeconds}s";
}
