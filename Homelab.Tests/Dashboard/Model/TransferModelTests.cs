using Homelab.Dashboard.Model;
using Homelab.Domain.Downloads;
using Homelab.Tests.Shared;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TransferModelTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Seed_SpeedsDiskConnectionAndHistory()
    {
        var model = TransferModel.From(TestSnapshots.Downloads(TestSnapshots.Now));

        Assert.Equal("21.9 MiB/s", model.Down);
        Assert.Equal("1.7 MiB/s", model.Up);
        Assert.Equal("1.9 TiB", model.FreeSpace);
        Assert.Equal(("connected", "ok"), (model.Connection, model.ConnectionLevel));
        Assert.Equal("412", model.DhtNodes);
        Assert.Null(model.DownLimit);
        Assert.Equal(SpeedLine.Buckets, model.DownHistory.Line.SampleCount);
        Assert.Single(model.DownHistory.Line.Segments);
    }

    [Theory]
    [InlineData("firewalled", "warning")]
    [InlineData("disconnected", "error")]
    [InlineData("", "unknown")]
    public void Connection_IsAWordWithALevel(string status, string level)
    {
        var model = TransferModel.From(new DownloadsSnapshot { Transfer = new TransferInfo { ConnectionStatus = status, DownloadLimit = 10 << 20 } });

        Assert.Equal(level, model.ConnectionLevel);
        Assert.Equal("10.0 MiB/s", model.DownLimit);
    }

    [Fact]
    public void SpeedLine_ScalesToItsPeakAndPrintsIt()
    {
        TransferSample[] samples = [.. Enumerable.Range(0, 60).Select(i => new TransferSample(s_start.AddSeconds(i), i == 30 ? 8 << 20 : 1 << 20, 0))];

        var line = SpeedLine.From(samples, s => s.DownloadSpeed);

        Assert.Equal("8.0 MiB/s", line.PeakText);
        Assert.Equal("1.0 MiB/s", line.LatestText);
        Assert.Equal(1, line.Line.Peak);
    }

    [Fact]
    public void SpeedLine_MissingSamples_AreAGapNotAZero()
    {
        TransferSample[] samples =
        [
            .. Enumerable.Range(0, 30).Select(i => new TransferSample(s_start.AddSeconds(i), 1_000, 0)),
            .. Enumerable.Range(120, 30).Select(i => new TransferSample(s_start.AddSeconds(i), 2_000, 0)),
        ];

        var line = SpeedLine.From(samples, s => s.DownloadSpeed);

        Assert.Equal(2, line.Line.Segments.Count);
    }

    [Fact]
    public void SpeedLine_IdleClient_IsAFlatLineAtZero()
    {
        TransferSample[] samples = [.. Enumerable.Range(0, 20).Select(i => new TransferSample(s_start.AddSeconds(i), 0, 0))];

        var line = SpeedLine.From(samples, s => s.UploadSpeed);

        Assert.Equal("0 B/s", line.PeakText);
        Assert.False(line.Line.IsEmpty);
        Assert.Equal(0, line.Line.Peak);
    }

    [Fact]
    public void SpeedLine_BucketsAlignToTheClock_ASampleThatRaisesNoBucketChangesNothing()
    {
        TransferSample[] samples = [.. Enumerable.Range(0, 301).Select(i => new TransferSample(s_start.AddSeconds(i), 1_000 + (i % 7 * 100), 0))];
        var before = SpeedLine.From(samples, s => s.DownloadSpeed);

        var quiet = SpeedLine.From([.. samples.Skip(1), new TransferSample(s_start.AddSeconds(301), 1_000, 0)], s => s.DownloadSpeed);
        var busier = SpeedLine.From([.. samples.Skip(1), new TransferSample(s_start.AddSeconds(301), 5_000, 0)], s => s.DownloadSpeed);

        Assert.Equal(before, quiet);
        Assert.NotEqual(before, busier);
        Assert.Empty(SpeedLine.From([], s => s.DownloadSpeed).Line.Segments);
    }
}
