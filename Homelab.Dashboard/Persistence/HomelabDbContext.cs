using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence;

/// <summary>The dashboard's own data in SQLite. Used through <see cref="IDbContextFactory{TContext}"/>, one context per operation.</summary>
public sealed class HomelabDbContext(DbContextOptions<HomelabDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HomelabDbContext).Assembly);
    }
}
