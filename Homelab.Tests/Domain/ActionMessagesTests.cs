using Homelab.Domain.Actions;

namespace Homelab.Tests.Domain;

public sealed class ActionMessagesTests
{
    [Theory]
    [InlineData(0.85, "850 ms")]
    [InlineData(12.4, "12 s")]
    [InlineData(60, "60 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(180, "3 min")]
    public void FormatDuration_VariousLengths_ReadsNaturally(double seconds, string expected)
    {
        Assert.Equal(expected, ActionMessages.FormatDuration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void NotReached_WithDetail_SaysStillStateAfterDurationAndWhy()
    {
        Assert.Equal("still running after 60 s: the shutdown task is still running", ActionMessages.NotReached("running", TimeSpan.FromSeconds(60), "the shutdown task is still running"));
    }

    [Fact]
    public void Reached_SaysStateAfterDuration()
    {
        Assert.Equal("stopped after 12 s", ActionMessages.Reached("stopped", TimeSpan.FromSeconds(12)));
    }
}
