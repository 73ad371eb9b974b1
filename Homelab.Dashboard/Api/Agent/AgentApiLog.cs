namespace Homelab.Dashboard.Api.Agent;

/// <summary>What the agent API writes to the log: key names and conversation ids, never a key and never a message.</summary>
internal static partial class AgentApiLog
{
    [LoggerMessage(11001, LogLevel.Warning, "Agent API: a wrong API key was presented from {Client}.")]
    public static partial void KeyRejected(ILogger logger, string client);

    [LoggerMessage(11002, LogLevel.Warning, "Agent API: {Client} is throttled after too many wrong keys; retry in {RetryAfter}.")]
    public static partial void Throttled(ILogger logger, string client, TimeSpan retryAfter);

    [LoggerMessage(11003, LogLevel.Information, "Agent API: {KeyName} started a turn in conversation {ConversationId} ({Mode}).")]
    public static partial void TurnStarted(ILogger logger, string keyName, Guid conversationId, string mode);

    [LoggerMessage(11004, LogLevel.Information, "Agent API: stopped waiting for the turn in conversation {ConversationId} after {Wait}; it keeps running.")]
    public static partial void TurnWaitCapped(ILogger logger, Guid conversationId, TimeSpan wait);

    [LoggerMessage(11005, LogLevel.Debug, "Agent API: the client of conversation {ConversationId} left; the turn keeps running.")]
    public static partial void ClientLeft(ILogger logger, Guid conversationId);

    [LoggerMessage(11006, LogLevel.Error, "Agent API: the turn in conversation {ConversationId} failed unexpectedly.")]
    public static partial void TurnCrashed(ILogger logger, Exception exception, Guid conversationId);
}
