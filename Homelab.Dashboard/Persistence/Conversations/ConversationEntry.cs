namespace Homelab.Dashboard.Persistence.Conversations;

/// <summary>The stored shape of a conversation.</summary>
public sealed class ConversationEntry
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public long CreatedAtUnixMs { get; set; }

    public long UpdatedAtUnixMs { get; set; }

    public required string Surface { get; set; }

    public List<ConversationMessageEntry> Messages { get; set; } = [];
}

/// <summary>The stored shape of a message; tool-call cards and trace ids are JSON, read and written whole with it.</summary>
public sealed class ConversationMessageEntry
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public int Ordinal { get; set; }

    public required string Role { get; set; }

    public required string Text { get; set; }

    public string? ToolCallsJson { get; set; }

    public string? Approval { get; set; }

    public string? TraceIdsJson { get; set; }

    public long CreatedAtUnixMs { get; set; }

    public bool IsComplete { get; set; }
}
