using System.IO.Pipelines;
using System.Text;
using Homelab.Dashboard.Agent.Model;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Dashboard.Agent.Model;

/// <summary>The NDJSON guard under OllamaSharp: error lines and silences become clear failures.</summary>
public sealed class OllamaLineGuardStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_ErrorLineAfterTokens_HandsOutTheTokensThenThrows()
    {
        var body = "{\"message\":{\"content\":\"Let\"},\"done\":false}\n{\"message\":{\"content\":\" me\"},\"done\":false}\n{\"error\":\"unexpected EOF\"}\n";
        using var guard = new OllamaLineGuardStream(new MemoryStream(Encoding.UTF8.GetBytes(body)), TimeSpan.FromSeconds(60), TimeProvider.System, "http://ollama.test");
        using var reader = new StreamReader(guard);

        var first = await reader.ReadLineAsync(Ct);
        var second = await reader.ReadLineAsync(Ct);
        var failure = await Assert.ThrowsAsync<OllamaFailureException>(async () => await reader.ReadLineAsync(Ct));

        Assert.Contains("Let", first, StringComparison.Ordinal);
        Assert.Contains(" me", second, StringComparison.Ordinal);
        Assert.Equal(OllamaFailureKind.ServerError, failure.Kind);
        Assert.Equal("unexpected EOF", failure.ServerMessage);
    }

    [Fact]
    public async Task Read_ContentThatMentionsError_PassesThrough()
    {
        var body = "{\"message\":{\"content\":\"the \\\"error\\\" field\"},\"done\":false}\n{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"error\":\"x\",\"done\":true}\n";
        using var guard = new OllamaLineGuardStream(new MemoryStream(Encoding.UTF8.GetBytes(body)), TimeSpan.FromSeconds(60), TimeProvider.System, "http://ollama.test");
        using var reader = new StreamReader(guard);

        Assert.Equal(body, await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Read_SilentLongerThanTheIdleTimeout_ThrowsTimeout()
    {
        var time = new FakeTimeProvider();
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"message\":{\"content\":\"a\"},\"done\":false}\n"), Ct);
        using var guard = new OllamaLineGuardStream(pipe.Reader.AsStream(), TimeSpan.FromSeconds(30), time, "http://ollama.test");
        var buffer = new byte[4096];
        Assert.True(await guard.ReadAsync(buffer, Ct) > 0);

        var read = guard.ReadAsync(buffer, Ct).AsTask();
        time.Advance(TimeSpan.FromSeconds(31));
        var failure = await Assert.ThrowsAsync<OllamaFailureException>(() => read);

        Assert.Equal(OllamaFailureKind.Timeout, failure.Kind);
        Assert.Contains("silent for 30 s", failure.Message, StringComparison.Ordinal);
    }
}
