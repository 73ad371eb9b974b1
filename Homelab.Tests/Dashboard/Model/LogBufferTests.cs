using Homelab.Dashboard.Model;
using Homelab.Domain.Containers;

namespace Homelab.Tests.Dashboard.Model;

public sealed class LogBufferTests
{
    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var buffer = new LogBuffer(3);

        for (var i = 0; i < 5; i++)
        {
            buffer.Add(new LogLine(LogStream.Stdout, null, $"line {i}"));
        }

        Assert.Equal(["line 2", "line 3", "line 4"], buffer.Snapshot().Select(l => l.Text));
        Assert.Equal(2, buffer.Dropped);
        Assert.Equal([3L, 4L, 5L], buffer.Snapshot().Select(l => l.Sequence));
    }

    [Fact]
    public void Add_StripsAnsiColoursAndTheNewline()
    {
        var buffer = new LogBuffer();

        buffer.Add(new LogLine(LogStream.Stderr, new DateTimeOffset(2026, 11, 26, 12, 0, 5, TimeSpan.Zero), "\u001b[1;31mERROR\u001b[0m disk full\r\n"));

        var entry = Assert.Single(buffer.Snapshot());
        Assert.Equal("ERROR disk full", entry.Text);
        Assert.Equal("12:00:05", entry.Time);
        Assert.Equal("err", entry.StreamWord);
    }

    [Fact]
    public void AddError_IsMarkedAsTheDashboardsOwn()
    {
        var buffer = new LogBuffer();

        buffer.AddError("could not read the log: refused");

        var entry = Assert.Single(buffer.Snapshot());
        Assert.True(entry.IsError);
        Assert.Equal("error", entry.CssWord);
    }

    [Fact]
    public void Clear_EmptiesAndResetsDropped()
    {
        var buffer = new LogBuffer(1);
        buffer.Add(new LogLine(LogStream.Stdout, null, "a"));
        buffer.Add(new LogLine(LogStream.Stdout, null, "b"));
        var version = buffer.Version;

        buffer.Clear();

        Assert.Equal(0, buffer.Count);
        Assert.Equal(0, buffer.Dropped);
        Assert.NotEqual(version, buffer.Version);
    }
}
