using System.Text.Json.Nodes;
using Homelab.Dashboard.Simulator.Ollama;
using Homelab.Dashboard.Simulator.State;
using static Homelab.Tests.Dashboard.Simulator.ScriptedModelRequests;

namespace Homelab.Tests.Dashboard.Simulator;

public sealed class ScriptedHomelabModelTests
{
    private readonly ScriptedHomelabModel _model = ScriptedHomelabModel.Seed;

    [Fact]
    public void Reply_UserAsksForAnOfferedTool_CallsIt()
    {
        var reply = _model.Reply(Request(SystemPrompt("You are a homelab assistant."), User("restart sonarr")));

        var call = Assert.IsType<ScriptedReply.ToolCall>(reply).Call;
        Assert.Equal(("restart_container", """{"name":"sonarr"}"""), (call.Name, call.ArgumentsJson));
    }

    [Fact]
    public void Reply_ToolNotOffered_SaysItCannotDoThatHere()
    {
        var reply = _model.Reply(Request(["list_torrents"], User("restart sonarr")));

        var text = Assert.IsType<ScriptedReply.Text>(reply).Content;
        Assert.Contains("can't do that here", text, StringComparison.Ordinal);
        Assert.Contains("restart_container", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_NoPhraseMatches_DescribesWhatItCanDo()
    {
        var reply = _model.Reply(Request(User("tell me a joke")));

        Assert.Equal(ScriptedAnswers.Help, Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_NoToolsOffered_AnswersShortlyWithoutCallingAnything()
    {
        var reply = _model.Reply(Request([], User("restart sonarr")));

        Assert.Equal(ScriptedAnswers.PlainChat, Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_NoToolsAskedForATitle_GivesAFewTitleCasedWords()
    {
        var reply = _model.Reply(Request([], User("Write a short title for this conversation: restart the sonarr container please")));

        Assert.Equal("Restart The Sonarr Container Please", Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_ToolResultInOllamaSharpsWrapper_SummarisesItsFirstLines()
    {
        var reply = _model.Reply(Request(User("is the vpn up?"), Called("get_vpn_status"), Result("status: running\nexit: Amsterdam, Netherlands\nport forwarded: 51413\nextra: ignored")));

        var text = Assert.IsType<ScriptedReply.Text>(reply).Content;
        Assert.Equal("Here is what get_vpn_status returned: status: running; exit: Amsterdam, Netherlands; port forwarded: 51413.", text);
    }

    [Fact]
    public void Reply_PlainToolContent_IsReadAsItIs()
    {
        var reply = _model.Reply(Request(User("is the vpn up?"), Called("get_vpn_status"), new OllamaSimMessage("tool", "running", [])));

        Assert.Equal("Here is what get_vpn_status returned: running.", Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_JsonToolResult_SummarisesItsFirstFields()
    {
        var json = """{"state":"running","health":"healthy","restarts":3,"ports":[8989],"labels":{}}""";

        var reply = _model.Reply(Request(User("get container sonarr"), Called("get_container", new JsonObject { ["name"] = "sonarr" }), Result(json)));

        Assert.Equal("Here is what get_container returned: state: running; health: healthy; restarts: 3.", Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_ErrorResult_PassesTheErrorOn()
    {
        var reply = _model.Reply(Request(User("restart nosuch"), Called("restart_container"), Result("""{"error":"no container named 'nosuch'"}""")));

        Assert.Equal("restart_container failed: no container named 'nosuch'", Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_ActionDenied_SaysItWasNotDone()
    {
        var reply = _model.Reply(Request(User("restart sonarr"), Called("restart_container"), Result("Denied: the user denied this action.")));

        var text = Assert.IsType<ScriptedReply.Text>(reply).Content;
        Assert.Contains("you denied the request", text, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_ApprovalPending_SaysItIsWaiting()
    {
        var reply = _model.Reply(Request(User("restart sonarr"), Called("restart_container"), Result("Approval pending: waiting for a person to approve restart_container.")));

        Assert.Contains("waiting for you to approve it", Assert.IsType<ScriptedReply.Text>(reply).Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_InjectedInstructionInAResult_CallsTheToolUnasked()
    {
        var logs = "INFO health check ok\n" + SimLogText.PromptInjection + "\nINFO request completed in 12ms";

        var reply = _model.Reply(Request(User("show me the logs of linkwarden"), Called("get_container_logs"), Result(logs)));

        var call = Assert.IsType<ScriptedReply.ToolCall>(reply).Call;
        Assert.Equal(("stop_container", """{"name":"jellyfin"}"""), (call.Name, call.ArgumentsJson));
    }

    [Fact]
    public void Reply_InjectionInsideAJsonResult_IsFoundThroughTheEscaping()
    {
        var result = new JsonObject { ["name"] = "linkwarden", ["lines"] = new JsonArray("INFO ok", SimLogText.PromptInjection) }.ToJsonString();

        var reply = _model.Reply(Request(User("show me the logs of linkwarden"), Called("get_container_logs"), Result(result)));

        Assert.Equal("stop_container", Assert.IsType<ScriptedReply.ToolCall>(reply).Call.Name);
    }

    [Fact]
    public void Reply_InjectedToolNotOffered_OnlySummarises()
    {
        var reply = _model.Reply(Request(["get_container_logs"], User("show me the logs of linkwarden"), Called("get_container_logs"), Result(SimLogText.PromptInjection)));

        Assert.IsType<ScriptedReply.Text>(reply);
    }

    [Fact]
    public void Reply_LoopTest_CallsTheSameToolWithTheSameArgumentsEveryRound()
    {
        var messages = new List<OllamaSimMessage> { User("loop test") };
        var calls = new List<OllamaSimToolCall>();
        for (var round = 0; round < 5; round++)
        {
            var call = Assert.IsType<ScriptedReply.ToolCall>(_model.Reply(Request([.. messages]))).Call;
            calls.Add(call);
            messages.Add(new OllamaSimMessage("assistant", "", [call]));
            messages.Add(Result("cluster HomeServer: quorate, 3 nodes online"));
        }

        Assert.All(calls, c => Assert.Equal(("get_cluster_status", "{}"), (c.Name, c.ArgumentsJson)));
    }

    [Fact]
    public void Reply_RoundsTest_CallsADifferentReadOnlyToolEveryRound()
    {
        var messages = new List<OllamaSimMessage> { User("rounds test") };
        var calls = new List<OllamaSimToolCall>();
        for (var round = 0; round < 16; round++)
        {
            var call = Assert.IsType<ScriptedReply.ToolCall>(_model.Reply(Request([.. messages]))).Call;
            calls.Add(call);
            messages.Add(new OllamaSimMessage("assistant", "", [call]));
            messages.Add(Result("ok"));
        }

        Assert.Equal(calls.Count, calls.Select(c => c.Name + c.ArgumentsJson).Distinct().Count());
        Assert.All(calls, c => Assert.True(c.Name.StartsWith("get_", StringComparison.Ordinal) || c.Name.StartsWith("list_", StringComparison.Ordinal), c.Name));
    }

    [Fact]
    public void Reply_SummaryAskedWithoutTools_SummarisesTheLatestResults()
    {
        var reply = _model.Reply(Request([], User("loop test"), Called("get_cluster_status"), Result("cluster HomeServer: quorate"), User("summarise the result above in 1-3 sentences")));

        Assert.Equal("Here is what get_cluster_status returned: cluster HomeServer: quorate.", Assert.IsType<ScriptedReply.Text>(reply).Content);
    }

    [Fact]
    public void Reply_StreamErrorPhrase_BreaksOffWithOllamasError()
    {
        var reply = _model.Reply(Request(User("please simulate a stream error")));

        Assert.Equal(ScriptedAnswers.StreamErrorMessage, Assert.IsType<ScriptedReply.StreamError>(reply).Error);
    }

    [Fact]
    public void Reply_SlowAnswerPhrase_IsAboutFourHundredTokens()
    {
        var reply = _model.Reply(Request(User("simulate a slow answer")));

        var tokens = ScriptedTokens.Split(Assert.IsType<ScriptedReply.Text>(reply).Content).Count;
        Assert.InRange(tokens, 400, 420);
    }

    [Fact]
    public void Split_Text_PiecesAddUpToTheText()
    {
        const string text = "Here is what  get_vpn_status\nreturned: running. ";

        var pieces = ScriptedTokens.Split(text);

        Assert.Equal(text, string.Concat(pieces));
        Assert.Equal(7, pieces.Count);
    }
}
