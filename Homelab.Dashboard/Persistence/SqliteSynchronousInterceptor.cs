using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Homelab.Dashboard.Persistence;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every connection EF Core opens. In WAL mode that is SQLite's recommended setting:
/// a commit no longer waits for the disk to flush, an application crash loses nothing, and a power cut can lose only
/// the last commits, never the file. With FULL, each of a chat turn's small writes waited on the disk.
/// </summary>
internal sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
