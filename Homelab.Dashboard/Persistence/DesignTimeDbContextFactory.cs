using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Homelab.Dashboard.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the app (and its simulator).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HomelabDbContext>
{
    public HomelabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
