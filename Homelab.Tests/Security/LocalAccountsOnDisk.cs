using Homelab.Dashboard.Configuration;
using Homelab.Dashboard.Persistence;
using Homelab.Dashboard.Security.Local;
using Homelab.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Homelab.Tests.Security;

/// <summary>
/// Local accounts over a real SQLite file in a temporary directory, with a clock the test drives and the initial
/// admin <c>root</c> (password <see cref="Password"/>) already created.
/// </summary>
internal sealed class LocalAccountsOnDisk : IDisposable
{
    public const string Password = "correct horse battery";

    private readonly string _directory = Directory.CreateTempSubdirectory("homelab-accounts-").FullName;

    public LocalAccountsOnDisk()
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "homelab.db"), Pooling = false }.ToString();
        var dbOptions = new DbContextOptionsBuilder<HomelabDbContext>().UseSqlite(connection).Options;
        using (var db = new HomelabDbContext(dbOptions))
        {
            db.Database.EnsureCreated();
        }

        Options.Auth.Local.InitialAdmin = new InitialAdminOptions { Username = "root", Password = Password };
        Accounts = new LocalAccounts(new PooledDbContextFactory<HomelabDbContext>(dbOptions), new PasswordHasher(iterations: 1_000), new TotpCodes(Time), Time, new StaticOptionsMonitor(Options), NullLogger<LocalAccounts>.Instance);
        Accounts.EnsureInitialAdminAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public HomelabOptions Options { get; } = new() { Auth = new AuthOptions { Mode = AuthMode.Local } };

    public LocalAccounts Accounts { get; }

    public void Dispose()
    {
        Accounts.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
