using Homelab.Dashboard.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Homelab.Tests.Integration;

/// <summary>The SQLite settings the dashboard's own connections run with.</summary>
public sealed class DatabaseSettingsTests(HomelabAppFactory app) : IClassFixture<HomelabAppFactory>
{
    [Fact]
    public async Task OpenConnection_AppContext_WalWithNormalSynchronous()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<HomelabDbContext>>();
        await using var context = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = context.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));

        // 1 is NORMAL; SQLite's default, 2 (FULL), made every small write wait for the disk.
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(connection, "PRAGMA synchronous;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
