using Homelab.Dashboard.Embed.Tokens;
using Homelab.Dashboard.Persistence.Accounts;
using Homelab.Dashboard.Persistence.Conversations;
using Homelab.Dashboard.Persistence.Traces;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

/// <summary>The dashboard's own data in SQLite. Used through <see cref="IDbContextFactory{TContext}"/>, one context per operation.</summary>
public sealed class HomelabDbContext(DbContextOptions<HomelabDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TraceEntry> Traces => Set<TraceEntry>();

    public DbSet<TraceExchangeEntry> TraceExchanges => Set<TraceExchangeEntry>();

    public DbSet<TraceHourEntry> TraceHours => Set<TraceHourEntry>();

    public DbSet<ConversationEntry> Conversations => Set<ConversationEntry>();

    public DbSet<ConversationMessageEntry> ConversationMessages => Set<ConversationMessageEntry>();

    public DbSet<EmbedTokenEntry> EmbedTokens => Set<EmbedTokenEntry>();

    public DbSet<AccountEntry> Accounts => Set<AccountEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HomelabDbContext).Assembly);
    }
}
