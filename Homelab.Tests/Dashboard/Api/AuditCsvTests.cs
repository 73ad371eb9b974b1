using Homelab.Dashboard.Api.Audit;
using Homelab.Domain.Actions;

namespace Homelab.Tests.Dashboard.Api;

public sealed class AuditCsvTests
{
    private static readonly AuditRecord s_record = new()
    {
        Id = 7,
        At = new DateTimeOffset(2026, 11, 26, 21, 5, 3, 250, TimeSpan.FromHours(1)),
        Actor = "alice",
        Via = ActionVia.Agent,
        Action = "container.restart",
        Target = "container sonarr on docker-server",
        Outcome = ActionOutcome.TimedOut,
        Message = "still starting after 60 s",
        Duration = TimeSpan.FromMilliseconds(60_125),
        TraceId = Guid.Parse("5f0c8f4e-2a41-4a8e-9d43-0c8f6c7b1a20"),
    };

    [Fact]
    public void Row_PlainRecord_WritesUtcTimeSecondsAndLowercaseWords()
    {
        var row = AuditCsv.Row(s_record);

        Assert.Equal("7,2026-11-26T20:05:03.250Z,alice,agent,container.restart,container sonarr on docker-server,timedout,still starting after 60 s,60.125,5f0c8f4e-2a41-4a8e-9d43-0c8f6c7b1a20", row);
    }

    [Fact]
    public void Row_CommaQuoteAndNewline_QuotesTheFieldAndDoublesQuotes()
    {
        var row = AuditCsv.Row(s_record with { Message = "said \"no\", then\nstopped", TraceId = null });

        Assert.EndsWith(",\"said \"\"no\"\", then\nstopped\",60.125,", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void Row_FormulaLikeTarget_IsDefusedWithAQuote(string target)
    {
        var row = AuditCsv.Row(s_record with { Target = target });

        var field = row.Split(',')[5].Trim('"');
        Assert.StartsWith("'", field, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_HasOneColumnPerRowField()
    {
        Assert.Equal(AuditCsv.Header.Split(',').Length, AuditCsv.Row(s_record).Split(',').Length);
    }
}
