using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homelab.Dashboard.Persistence.Traces;

internal sealed class TraceEntryConfiguration : IEntityTypeConfiguration<TraceEntry>
{
    public void Configure(EntityTypeBuilder<TraceEntry> builder)
    {
        builder.ToTable("traces");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Caller).HasMaxLength(100);
        builder.Property(e => e.Model).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(20);

        // One index per list filter, each ending in time: every filtered page is a range scan, newest first.
        builder.HasIndex(e => e.AtUnixMs);
        builder.HasIndex(e => new { e.Caller, e.AtUnixMs });
        builder.HasIndex(e => new { e.Model, e.AtUnixMs });
        builder.HasIndex(e => new { e.Outcome, e.AtUnixMs });
        builder.HasIndex(e => e.ConversationId);
    }
}

internal sealed class TraceExchangeEntryConfiguration : IEntityTypeConfiguration<TraceExchangeEntry>
{
    public void Configure(EntityTypeBuilder<TraceExchangeEntry> builder)
    {
        builder.ToTable("trace_exchanges");
        builder.HasKey(e => e.TraceId);
    }
}

internal sealed class TraceHourEntryConfiguration : IEntityTypeConfiguration<TraceHourEntry>
{
    public void Configure(EntityTypeBuilder<TraceHourEntry> builder)
    {
        builder.ToTable("trace_hours");
        builder.HasKey(e => new { e.HourUnixMs, e.Caller, e.Model });
        builder.Property(e => e.Caller).HasMaxLength(100);
        builder.Property(e => e.Model).HasMaxLength(100);
    }
}
