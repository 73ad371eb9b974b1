using System.Text.Json;
using Homelab.Domain.Agent.Tools;

namespace Homelab.Tests.Domain.Agent;

public sealed class ToolResultTextTests
{
    [Fact]
    public void Cap_ShortText_ReturnsItUnchanged()
    {
        Assert.Equal("{\"a\":1}", ToolResultText.Cap("{\"a\":1}", 4_000));
    }

    [Fact]
    public void Cap_LongText_KeepsStartAndSaysHowMuchWasCut()
    {
        var text = new string('x', 10_000);

        var capped = ToolResultText.Cap(text, 4_000);

        Assert.True(capped.Length <= 4_000, $"{capped.Length} chars");
        var kept = capped.IndexOf('…', StringComparison.Ordinal);
        Assert.EndsWith($"…(truncated {10_000 - kept} chars)", capped);
        Assert.Equal(new string('x', kept), capped[..kept]);
    }

    [Fact]
    public void Cap_CutFallsInsideSurrogatePair_CutsBeforeThePair()
    {
        var text = new string('a', 3_975) + string.Concat(Enumerable.Repeat("😀", 100));

        var capped = ToolResultText.Cap(text, 4_000);

        var kept = capped[..capped.IndexOf('…', StringComparison.Ordinal)];
        Assert.False(char.IsHighSurrogate(kept[^1]));
        Assert.EndsWith($"(truncated {text.Length - kept.Length} chars)", capped);
    }

    [Fact]
    public void CapKeepingEnd_LongText_KeepsEndBehindTheNote()
    {
        var text = string.Concat(Enumerable.Range(0, 2_000).Select(i => $"{i % 10}"));

        var capped = ToolResultText.CapKeepingEnd(text, 500);

        Assert.True(capped.Length <= 500);
        Assert.StartsWith("…(truncated ", capped);
        Assert.EndsWith(text[^100..], capped);
    }

    [Fact]
    public void Json_Value_IsSnakeCaseWithoutNulls()
    {
        var json = ToolResultText.Json(new { MemMib = 512, CpuPct = 3.5, Missing = (string?)null, Name = "<jellyfin>" });

        Assert.Equal("{\"mem_mib\":512,\"cpu_pct\":3.5,\"name\":\"<jellyfin>\"}", json);
    }

    [Fact]
    public void Error_Message_IsAnErrorObject()
    {
        using var document = JsonDocument.Parse(ToolResultText.Error("no container is named 'x'"));

        Assert.Equal("no container is named 'x'", document.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Json_LargeValue_IsCappedAtLimit()
    {
        var json = ToolResultText.Json(new { Items = Enumerable.Range(0, 1_000).Select(i => $"item {i}") }, 300);

        Assert.True(json.Length <= 300);
        Assert.Contains("…(truncated ", json, StringComparison.Ordinal);
    }
}
