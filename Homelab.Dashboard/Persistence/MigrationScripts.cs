namespace Homelab.Dashboard.Persistence;

/// <summary>
/// The SQL of each migration, as <c>dotnet ef migrations script</c> generates it, embedded in the build.
/// </summary>
/// <remarks>
/// Applying these with a plain SQLite connection keeps EF Core's migrator (and about 9 MB) out of the process. A test
/// checks every script against what EF Core generates from the migration itself, so they cannot drift apart.
/// </remarks>
internal static class MigrationScripts
{
    private const string Prefix = "migrations/";
    private const string Suffix = ".sql";

    /// <summary>The ids of the embedded migrations, oldest first (ids start with their timestamp).</summary>
    public static IReadOnlyList<string> Ids() => [.. typeof(MigrationScripts).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(name => name[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)];

    /// <summary>The script that moves the schema from the previous migration to <paramref name="migrationId"/>, or null if none is embedded.</summary>
    public static string? Load(string migrationId)
    {
        using var stream = typeof(MigrationScripts).Assembly.GetManifestResourceStream(Prefix + migrationId + Suffix);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
