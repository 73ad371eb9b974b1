using Homelab.Domain.Agent.Traces;

namespace Homelab.Tests.Domain.Agent;

public sealed class TraceTextTests
{
    [Fact]
    public void Preview_Long_IsCutToTheLimitWithAnEllipsis()
    {
        var preview = TraceText.Preview(new string('a', 600));

        Assert.Equal(TraceText.PreviewLength, preview.Length);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void Exchange_UnderTheLimit_IsUnchanged()
    {
        Assert.Equal("{}", TraceText.Exchange("{}"));
        Assert.Null(TraceText.Exchange(null));
    }

    [Fact]
    public void Exchange_OverTheLimit_SaysHowMuchWasKept()
    {
        var capped = TraceText.Exchange(new string('x', TraceText.ExchangeLength + 1))!;

        Assert.EndsWith("[truncated: kept 262,144 of 262,145 characters]", capped, StringComparison.Ordinal);
    }
}
