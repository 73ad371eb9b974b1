using System.Text.Json;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>The body of both agent endpoints: <c>{"message": "...", "conversation_id": "guid?"}</c>.</summary>
internal sealed record AgentApiRequest(string Message, Guid? ConversationId)
{
    /// <summary>Reads and checks the body; on failure the problem to answer with instead.</summary>
    /// <remarks>
    /// Read by hand rather than bound, so an oversized body stops at the limit (413), malformed JSON gets a 400 that says
    /// what is expected, and both <c>conversation_id</c> and <c>conversationId</c> are accepted.
    /// </remarks>
    public static async Task<(AgentApiRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, AgentApiLimits limits, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return (null, TooLarge(limits));
        }

        var body = await ReadBoundedAsync(request.Body, limits.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(limits));
        }

        string? message = null;
        string? conversation = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("The body must be a JSON object like {\"message\": \"...\"}."));
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant())
                {
                    case "message" when property.Value.ValueKind == JsonValueKind.String:
                        message = property.Value.GetString();
                        break;
                    case "message" when property.Value.ValueKind != JsonValueKind.Null:
                        return (null, Invalid("'message' must be a string."));
                    case "conversationid" when property.Value.ValueKind == JsonValueKind.String:
                        conversation = property.Value.GetString();
                        break;
                    case "conversationid" when property.Value.ValueKind != JsonValueKind.Null:
                        return (null, Invalid("'conversation_id' must be a string holding a conversation's id."));
                }
            }
        }
        catch (JsonException)
        {
            return (null, Invalid("The body is not valid JSON; send an object like {\"message\": \"...\"}."));
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            return (null, Invalid("'message' is required."));
        }

        if (message.Length > limits.MaxMessageLength)
        {
            return (null, Invalid($"'message' is {message.Length:N0} characters; at most {limits.MaxMessageLength:N0} are accepted."));
        }

        Guid? conversationId = null;
        if (!string.IsNullOrWhiteSpace(conversation))
        {
            if (!Guid.TryParse(conversation, out var id))
            {
                return (null, Invalid("'conversation_id' is not a conversation id (a GUID)."));
            }

            conversationId = id;
        }

        return (new AgentApiRequest(message, conversationId), null);
    }

    /// <summary>The body, or null if it is longer than <paramref name="limit"/> (chunked bodies have no length up front).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return buffer[..read];
            }

            read += n;
        }

        return null;
    }

    private static IResult Invalid(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    private static IResult TooLarge(AgentApiLimits limits) =>
        Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The body may be at most {limits.MaxBodyBytes / 1024} KB.");
}
