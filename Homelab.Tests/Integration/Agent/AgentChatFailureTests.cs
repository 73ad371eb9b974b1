using Homelab.Dashboard.Agent.Chat;
using Homelab.Domain.Agent.Traces;
using Homelab.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration.Agent;

/// <summary>Ollama down: a clear message in the chat, a failed turn and a trace, never an exception or a hang.</summary>
public sealed class AgentChatOllamaDownTests(OllamaDownAppFactory app) : IClassFixture<OllamaDownAppFactory>
{
    [Fact]
    public async Task Send_OllamaNotListening_SaysItCannotReachTheModel()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("how is the homelab?"), seconds: 30);

        Assert.Equal(TurnOutcome.Failed, summary.Outcome);
        Assert.Contains("can't reach the model", summary.Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", summary.Answer, StringComparison.Ordinal);
        var traces = app.Services.GetRequiredService<ITraceStore>();
        await traces.FlushAsync(CancellationToken.None);
        var trace = Assert.Single((await traces.QueryAsync(new TraceFilter(), CancellationToken.None)).Items, t => t.ConversationId == chat.Id);
        Assert.Equal(TraceOutcome.Error, trace.Outcome);
    }
}

/// <summary>A model that is not pulled: Ollama's 404 becomes a clear message.</summary>
public sealed class AgentChatMissingModelTests(MissingModelAppFactory app) : IClassFixture<MissingModelAppFactory>
{
    [Fact]
    public async Task Send_ModelNotPulled_SaysWhichModelIsMissing()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);

        var summary = await AgentChatDriver.EndAsync(await chat.SendAsync("how is the homelab?"), seconds: 30);

        Assert.Equal(TurnOutcome.Failed, summary.Outcome);
        Assert.Contains("nope:1b", summary.Error, StringComparison.Ordinal);
        Assert.Contains("not found", summary.Answer, StringComparison.Ordinal);
        Assert.Equal(TurnOutcome.Failed, (await chat.WaitForAsync<TurnEnded>(_ => true, "TurnEnded")).Summary.Outcome);
    }
}

/// <summary>Stop mid-answer, and a watcher that comes back after the turn ended.</summary>
public sealed class AgentChatStopTests(SlowModelAppFactory app) : IClassFixture<SlowModelAppFactory>
{
    [Fact]
    public async Task StopTurn_DuringASlowAnswer_StopsPromptlyAndKeepsThePartialAnswer()
    {
        await using var chat = await AgentChatDriver.StartAsync(app.Services);
        var start = await chat.SendAsync("simulate a slow answer");
        await HomelabAppFactory.WaitForAsync(() => chat.Events.OfType<TextDelta>().Count() >= 6, TimeSpan.FromSeconds(20), "the first words");

        var watch = await chat.Chat.WatchAsync(chat.Id, TestContext.Current.CancellationToken);
        var stopped = chat.Chat.StopTurn(chat.Id);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = await AgentChatDriver.EndAsync(start, seconds: 5);

        Assert.True(stopped);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopping took {clock.Elapsed}");
        Assert.Equal(TurnOutcome.Stopped, summary.Outcome);
        Assert.StartsWith("The cluster", summary.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Everything else looks calm", summary.Answer, StringComparison.Ordinal);
        Assert.EndsWith("*(stopped)*", summary.Answer, StringComparison.Ordinal);
        Assert.True(watch.TurnRunning);
        Assert.Contains(watch.Thread.Messages, m => m.Role == Homelab.Domain.Agent.Conversations.MessageRole.Assistant && m.Text.StartsWith("The cluster", StringComparison.Ordinal) && !m.IsComplete);
    }

    [Fact]
    public async Task WatchAsync_AfterTheTurnEndedWithoutWatchers_ShowsTheFinishedAnswer()
    {
        var chat = app.Services.GetRequiredService<IAgentChat>();
        var conversation = await chat.StartConversationAsync(Homelab.Domain.Agent.Conversations.ConversationSurface.Web, CancellationToken.None);
        var start = await chat.SendAsync(conversation.Id, "is the vpn up?", AgentChatDriver.Tester, CancellationToken.None);

        var summary = await AgentChatDriver.EndAsync(start);
        using var cts = new CancellationTokenSource();
        var watch = await chat.WatchAsync(conversation.Id, cts.Token);
        await cts.CancelAsync();

        Assert.Equal(TurnOutcome.Completed, summary.Outcome);
        Assert.False(watch.TurnRunning);
        var answer = watch.Thread.Messages[^1];
        Assert.Equal((Homelab.Domain.Agent.Conversations.MessageRole.Assistant, true), (answer.Role, answer.IsComplete));
        Assert.Equal(summary.Answer, answer.Text);
        Assert.Equal("is the vpn up?", (await chat.GetAsync(conversation.Id, CancellationToken.None))!.Conversation.Title);
    }
}
