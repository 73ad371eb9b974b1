using System.Text.Json;
using System.Text.Json.Serialization;
using Homelab.Domain.Agent.Conversations;
using Homelab.Domain.Common;
using Homelab.Domain.Ports;
using Microsoft.EntityFrameworkCore;

namespace Homelab.Dashboard.Persistence.Conversations;

/// <summary>Conversations in SQLite.</summary>
internal sealed class EfConversationStore(IDbContextFactory<HomelabDbContext> contexts, TimeProvider timeProvider) : IConversationStore
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Conversation> CreateAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var stored = conversation with { Title = Title(conversation.Title) };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Conversations.Add(new ConversationEntry
        {
            Id = stored.Id,
            Title = stored.Title,
            CreatedAtUnixMs = stored.CreatedAt.ToUnixTimeMilliseconds(),
            UpdatedAtUnixMs = stored.UpdatedAt.ToUnixTimeMilliseconds(),
            Surface = stored.Surface.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<Conversation>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.Conversations.AsNoTracking()
            .OrderByDescending(c => c.UpdatedAtUnixMs).ThenByDescending(c => c.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return [.. entries.Select(ToConversation)];
    }

    public async Task<ConversationThread?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var messages = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == id).OrderBy(m => m.Ordinal)
            .ToListAsync(cancellationToken);
        return new ConversationThread(ToConversation(entry), new EquatableArray<ConversationMessage>(messages.Select(ToMessage)));
    }

    public async Task<ConversationMessage> AppendAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The ordinal is read and used in one transaction; the unique (conversation, ordinal) index catches a race.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == message.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"Conversation {message.ConversationId} does not exist.");
        var last = await db.ConversationMessages.Where(m => m.ConversationId == message.ConversationId).MaxAsync(m => (int?)m.Ordinal, cancellationToken);
        var stored = message with { Ordinal = (last ?? -1) + 1 };
        var entry = new ConversationMessageEntry { Role = "", Text = "" };
        Apply(entry, stored);
        entry.Id = stored.Id;
        entry.ConversationId = stored.ConversationId;
        entry.Ordinal = stored.Ordinal;
        entry.CreatedAtUnixMs = stored.CreatedAt.ToUnixTimeMilliseconds();
        db.ConversationMessages.Add(entry);
        conversation.UpdatedAtUnixMs = Math.Max(conversation.UpdatedAtUnixMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<bool> UpdateMessageAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConversationMessages.FirstOrDefaultAsync(m => m.Id == message.Id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        Apply(entry, message);
        await db.Conversations.Where(c => c.Id == entry.ConversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAtUnixMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RenameAsync(Guid id, string title, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = Title(title);
        return await db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Title, stored), cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Explicit, rather than trusting the connection to have foreign keys switched on.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ConversationMessages.Where(m => m.ConversationId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.Conversations.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static void Apply(ConversationMessageEntry entry, ConversationMessage message)
    {
        entry.Role = message.Role.ToString();
        entry.Text = message.Text;
        entry.ToolCallsJson = message.ToolCalls.IsEmpty ? null : JsonSerializer.Serialize(message.ToolCalls, s_json);
        entry.Approval = message.Approval?.ToString();
        entry.TraceIdsJson = message.TraceIds.IsEmpty ? null : JsonSerializer.Serialize(message.TraceIds, s_json);
        entry.IsComplete = message.IsComplete;
    }

    private static string Title(string title)
    {
        var trimmed = string.IsNullOrWhiteSpace(title) ? "New conversation" : title.Trim();
        return trimmed.Length <= Conversation.MaxTitleLength ? trimmed : string.Concat(trimmed.AsSpan(0, Conversation.MaxTitleLength - 1), "…");
    }

    private static Conversation ToConversation(ConversationEntry e) => new()
    {
        Id = e.Id,
        Title = e.Title,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtUnixMs),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(e.UpdatedAtUnixMs),
        Surface = Enum.TryParse<ConversationSurface>(e.Surface, out var surface) ? surface : ConversationSurface.Web,
    };

    private static ConversationMessage ToMessage(ConversationMessageEntry e) => new()
    {
        Id = e.Id,
        ConversationId = e.ConversationId,
        Ordinal = e.Ordinal,
        Role = Enum.TryParse<MessageRole>(e.Role, out var role) ? role : MessageRole.Assistant,
        Text = e.Text,
        ToolCalls = e.ToolCallsJson is null ? EquatableArray<ToolCallCard>.Empty : JsonSerializer.Deserialize<EquatableArray<ToolCallCard>>(e.ToolCallsJson, s_json),
        Approval = Enum.TryParse<ApprovalState>(e.Approval, out var approval) ? approval : null,
        TraceIds = e.TraceIdsJson is null ? EquatableArray<Guid>.Empty : JsonSerializer.Deserialize<EquatableArray<Guid>>(e.TraceIdsJson, s_json),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtUnixMs),
        IsComplete = e.IsComplete,
    };
}
