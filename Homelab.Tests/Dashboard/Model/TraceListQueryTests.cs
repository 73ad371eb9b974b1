using Homelab.Dashboard.Model;
using Homelab.Domain.Agent.Traces;
using Microsoft.AspNetCore.WebUtilities;

namespace Homelab.Tests.Dashboard.Model;

public sealed class TraceListQueryTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromQuery_Nothing_IsTheDefaultDayWithoutFilters()
    {
        var query = TraceListQuery.FromQuery(null, null, null, null, null);

        Assert.Equal(TraceListQuery.Default, query);
        Assert.Equal(TraceSpan.Day, query.Window);
        Assert.False(query.IsFiltered);
        Assert.All(query.ToQueryParameters().Values, Assert.Null);
    }

    [Fact]
    public void FromQuery_EveryValue_IsRead()
    {
        var query = TraceListQuery.FromQuery("7d", "chat.agent", "qwen3.5:4b", "Error", "1h");

        Assert.Equal(new TraceListQuery(TraceSpan.Week, "chat.agent", "qwen3.5:4b", TraceOutcome.Error, TraceSpan.Hour), query);
        Assert.True(query.IsFiltered);
    }

    [Fact]
    public void FromQuery_UnknownOrBlankValues_MeanNoFilter()
    {
        var query = TraceListQuery.FromQuery("3 weeks", " ", "", "exploded", "forever");

        Assert.Equal(TraceListQuery.Default, query);
    }

    [Theory]
    [InlineData(TraceSpan.Hour, null, null, null, null)]
    [InlineData(TraceSpan.Day, "chat.agent.r0", "gemma4:e4b", TraceOutcome.Cancelled, TraceSpan.Week)]
    [InlineData(TraceSpan.Week, "evals.judge", null, TraceOutcome.Ok, TraceSpan.Day)]
    public void ToQueryParameters_ReadBack_RoundTrips(TraceSpan window, string? caller, string? model, TraceOutcome? outcome, TraceSpan? range)
    {
        var query = new TraceListQuery(window, caller, model, outcome, range);
        var uri = QueryHelpers.AddQueryString("/traces", query.ToQueryParameters().Where(p => p.Value is not null).ToDictionary(p => p.Key, p => (string?)p.Value!.ToString()));
        var read = QueryHelpers.ParseQuery(new Uri("http://x" + uri).Query);

        var back = TraceListQuery.FromQuery(read.GetValueOrDefault("window"), read.GetValueOrDefault("caller"), read.GetValueOrDefault("model"), read.GetValueOrDefault("outcome"), read.GetValueOrDefault("range"));

        Assert.Equal(query, back);
    }

    [Fact]
    public void ToFilter_RangeAndFilters_BecomeTheStoreFilter()
    {
        var cursor = new TraceCursor(s_now.AddMinutes(-5), Guid.CreateVersion7());
        var filter = new TraceListQuery(TraceSpan.Hour, "chat.agent", "m", TraceOutcome.Error, TraceSpan.Day).ToFilter(s_now, 50, cursor);

        Assert.Equal("chat.agent", filter.Caller);
        Assert.Equal("m", filter.Model);
        Assert.Equal(TraceOutcome.Error, filter.Outcome);
        Assert.Equal(s_now.AddDays(-1), filter.From);
        Assert.Null(filter.To);
        Assert.Equal(cursor, filter.After);
        Assert.Equal(50, filter.Take);
    }

    [Fact]
    public void ToFilter_AnyTime_HasNoLowerBound() =>
        Assert.Null(TraceListQuery.Default.ToFilter(s_now, 50).From);
}
