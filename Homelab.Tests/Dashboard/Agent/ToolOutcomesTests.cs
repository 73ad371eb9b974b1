using Homelab.Dashboard.Agent.Model;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Tests.Dashboard.Agent;

public sealed class ToolOutcomesTests
{
    [Theory]
    [InlineData("""{"name":"sonarr","state":"running"}""", ToolCallOutcome.Succeeded)]
    [InlineData("""{"error":"no container named 'x'"}""", ToolCallOutcome.Failed)]
    [InlineData("""{"denied":"the user denied stop_container jellyfin; do not retry"}""", ToolCallOutcome.Denied)]
    [InlineData("""{"outcome":"timed_out","message":"still running after 60 s"}""", ToolCallOutcome.Failed)]
    [InlineData("""{"pending_approval":"restart_container sonarr waits for a person to approve it in the dashboard; it has not run","approval_id":"1"}""", ToolCallOutcome.AwaitingApproval)]
    [InlineData("""{"error":"cut off…(truncated 40 chars)""", ToolCallOutcome.Failed)]
    public void Classify_ToolResult_ReadsHowTheCallWent(string result, ToolCallOutcome expected)
    {
        Assert.Equal(expected, ToolOutcomes.Classify(result));
    }
}
