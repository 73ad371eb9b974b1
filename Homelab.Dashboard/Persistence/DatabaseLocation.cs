namespace Homelab.Dashboard.Persistence;

/// <summary>The SQLite connection string, shared by EF Core and the few places that talk to the file directly.</summary>
internal sealed record DatabaseLocation(string ConnectionString);
