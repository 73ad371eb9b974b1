using Homelab.Dashboard.Model;
using Homelab.Domain.Actions;
using Microsoft.AspNetCore.WebUtilities;

namespace Homelab.Tests.Dashboard.Model;

public sealed class AuditListQueryTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(ActionVia.Agent, ActionOutcome.TimedOut, "sonarr restart", 42L)]
    [InlineData(ActionVia.Ui, ActionOutcome.Denied, null, null)]
    public void ToQueryParameters_ReadBack_RoundTrips(ActionVia? via, ActionOutcome? outcome, string? text, long? id)
    {
        var query = new AuditListQuery(via, outcome, text, id);
        var uri = QueryHelpers.AddQueryString("/audit", query.ToQueryParameters().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => (string?)p.Value!.ToString()));
        var read = QueryHelpers.ParseQuery(new Uri("http://x" + uri).Query);

        var back = AuditListQuery.FromQuery(read.GetValueOrDefault("via"), read.GetValueOrDefault("outcome"), read.GetValueOrDefault("q"),
            read.TryGetValue("id", out var idText) ? long.Parse(idText!, System.Globalization.CultureInfo.InvariantCulture) : null);

        Assert.Equal(query, back);
    }

    [Fact]
    public void FromQuery_UnknownValues_MeanNoFilter()
    {
        var query = AuditListQuery.FromQuery("carrier pigeon", "exploded", "  ", -3);

        Assert.Equal(AuditListQuery.Default, query);
        Assert.False(query.IsFiltered);
    }

    [Fact]
    public void FromQuery_OutcomeWordsAsShown_AreRead()
    {
        Assert.Equal(ActionOutcome.TimedOut, AuditListQuery.FromQuery(null, "timed out", null, null).Outcome);
        Assert.Equal(ActionOutcome.TimedOut, AuditListQuery.FromQuery(null, "timedout", null, null).Outcome);
    }

    [Fact]
    public void ToFilter_Filters_BecomeTheStoreFilter()
    {
        var cursor = new AuditCursor(DateTimeOffset.UnixEpoch, 7);

        var filter = new AuditListQuery(ActionVia.Api, ActionOutcome.Failed, "pve", 3).ToFilter(25, cursor);

        Assert.Equal(new AuditFilter { Via = ActionVia.Api, Outcome = ActionOutcome.Failed, Text = "pve", After = cursor, Take = 25 }, filter);
    }

    [Fact]
    public void RowFrom_AgentRecordWithTrace_LinksBothWays()
    {
        var trace = Guid.CreateVersion7();
        var row = AuditRowModel.From(new AuditRecord
        {
            Id = 12, At = DateTimeOffset.UnixEpoch, Actor = "alice", Via = ActionVia.Agent, Action = "guest.shutdown", Target = "pve/101",
            Outcome = ActionOutcome.TimedOut, Message = "still running after 60 s", Duration = TimeSpan.FromSeconds(60), TraceId = trace,
        });

        Assert.Equal("agent", row.Via);
        Assert.Equal("timed out", row.Outcome);
        Assert.Equal("hl-tag-warning", row.OutcomeTag);
        Assert.Equal("1 min", row.Duration);
        Assert.Equal("/audit?id=12", row.Href);
        Assert.Equal($"/traces/{trace}", row.TraceHref);
    }
}
