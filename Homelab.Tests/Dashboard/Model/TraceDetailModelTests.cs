using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TraceDetailModelTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PrettyJson_CompactJson_IsIndentedWithMarkupKeptReadable()
    {
        var pretty = TraceDetailModel.PrettyJson("""{"messages":[{"role":"user","content":"<script>alert('x')</script> héllo"}]}""");

        Assert.Equal("""
            {
              "messages": [
                {
                  "role": "user",
                  "content": "<script>alert('x')</script> héllo"
                }
              ]
            }
            """.ReplaceLineEndings("\n"), pretty!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void PrettyJson_TruncatedExchange_IsKeptAsText()
    {
        var truncated = """{"messages":[{"role":"user" … [truncated: kept 262,144 of 300,000 characters]""";

        Assert.Equal(truncated, TraceDetailModel.PrettyJson(truncated));
        Assert.Null(TraceDetailModel.PrettyJson(null));
        Assert.Null(TraceDetailModel.PrettyJson(" "));
    }

    [Fact]
    public void From_Trace_ListsFieldsActionsMissingOnesAndTheConversation()
    {
        var conversation = Guid.CreateVersion7();
        var trace = new ModelCallTrace
        {
            At = s_now,
            Caller = "chat.agent.r0",
            Model = "qwen3.5:35b-a3b",
            Latency = TimeSpan.FromMilliseconds(2250),
            TimeToFirstToken = TimeSpan.FromMilliseconds(250),
            PromptTokens = 1200,
            CompletionTokens = 80,
            ToolCallCount = 2,
            ToolNames = ["list_containers", "restart_container"],
            ToolCallsSucceeded = 1,
            ToolCallsFailed = 1,
            Outcome = TraceOutcome.Ok,
            ConversationId = conversation,
            CausedActionIds = [4, 9],
        };
        var action = new AuditRecord
        {
            Id = 4, At = s_now, Actor = "local user", Via = ActionVia.Agent, Action = "container.restart", Target = "docker-server/sonarr",
            Outcome = ActionOutcome.Succeeded, Message = "running after 3 s", Duration = TimeSpan.FromSeconds(3), TraceId = trace.Id,
        };

        var model = TraceDetailModel.From(trace, [action]);

        var fields = model.Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("2.25 s", fields["latency"]);
        Assert.Equal("250 ms", fields["ttft"]);
        Assert.Equal("40.0 tok/s", fields["tokens-per-second"]);
        Assert.Equal("2: list_containers, restart_container (1 failed)", fields["tools"]);
        Assert.Equal("/audit?id=4", Assert.Single(model.CausedActions).Href);
        Assert.Equal($"/traces/{trace.Id}", model.CausedActions[0].TraceHref);
        Assert.Equal([9L], model.MissingActionIds);
        Assert.Equal($"/chat/{conversation}", model.ConversationHref);
        Assert.Null(model.Exchange);
    }
}
