using Homelab.Dashboard.Model.Chat;
using Homelab.Domain.Agent.Conversations;

namespace Homelab.Tests.Dashboard.Model.Chat;

public sealed class ToolCallTextTests
{
    [Fact]
    public void PrettyArguments_Json_IsIndentedAndKeepsAngleBrackets()
    {
        var pretty = ToolCallText.PrettyArguments("""{"name":"<script>","n":3}""");

        Assert.Equal("{\n  \"name\": \"<script>\",\n  \"n\": 3\n}", pretty.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(null, "{}")]
    [InlineData("", "{}")]
    [InlineData("not json {", "not json {")]
    public void PrettyArguments_EmptyOrNotJson_IsShownAsIs(string? json, string expected) =>
        Assert.Equal(expected, ToolCallText.PrettyArguments(json));

    [Theory]
    [InlineData("""{"name":"jellyfin","delete_files":true}""", "name=jellyfin, delete_files=true")]
    [InlineData("[1,2]", "")]
    [InlineData("{", "")]
    public void CompactArguments_TopLevelPairs(string json, string expected) =>
        Assert.Equal(expected, ToolCallText.CompactArguments(json));

    [Theory]
    [InlineData(ToolCallOutcome.Running, "running", "hl-tag-info")]
    [InlineData(ToolCallOutcome.Succeeded, "succeeded", "hl-tag-ok")]
    [InlineData(ToolCallOutcome.Failed, "failed", "hl-tag-error")]
    [InlineData(ToolCallOutcome.Denied, "denied", "hl-tag-error")]
    public void Outcome_HasAWordAndAColour(ToolCallOutcome outcome, string word, string tag)
    {
        Assert.Equal(word, ToolCallText.OutcomeWord(outcome));
        Assert.Equal(tag, ToolCallText.OutcomeTag(outcome));
    }

    [Fact]
    public void DurationText_UnknownOrMeasured()
    {
        Assert.Equal("–", ToolCallText.DurationText(null));
        Assert.Equal("40 ms", ToolCallText.DurationText(TimeSpan.FromMilliseconds(40)));
        Assert.Equal("1.5 s", ToolCallText.DurationText(TimeSpan.FromMilliseconds(1500)));
    }
}
