using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Homelab.Dashboard.Configuration;

namespace Homelab.Dashboard.Api.Agent;

/// <summary>Checks a presented API key against the configured SHA-256 hashes; the keys themselves are never stored.</summary>
internal static class AgentApiKeys
{
    /// <summary>The hex SHA-256 of <paramref name="key"/>, as <c>printf %s "$KEY" | sha256sum</c> prints it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name of the key whose hash matches <paramref name="presentedKey"/>, or null.</summary>
    public static string? Match(string presentedKey, IReadOnlyList<AgentApiKeyOptions> keys)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey), presented);

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        string? match = null;

        // Every configured hash is compared, in constant time each, so timing says nothing about which key came close.
        foreach (var key in keys)
        {
            if (key.Sha256 is null
                || Convert.FromHexString(key.Sha256, expected, out _, out var written) != OperationStatus.Done
                || written != expected.Length)
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(presented, expected) && match is null)
            {
                match = key.Name;
            }
        }

        return match;
    }

    /// <summary>The caller a matched key speaks for, with the key's role.</summary>
    public static Homelab.Domain.Actions.Actor Caller(string name, IReadOnlyList<AgentApiKeyOptions> keys)
    {
        var role = keys.FirstOrDefault(k => k.Name == name)?.Role;
        var roles = Homelab.Domain.Actions.HomelabRoles.Normalize(role) is { } known ? new Homelab.Domain.Common.EquatableArray<string>([known]) : Homelab.Domain.Common.EquatableArray<string>.Empty;
        return new Homelab.Domain.Actions.Actor(name, Homelab.Domain.Actions.ActionVia.Api, roles);
    }

    /// <summary>The key from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c>, or null.</summary>
    public static string? Presented(HttpRequest request)
    {
        const string Bearer = "Bearer ";
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            var key = authorization[Bearer.Length..].Trim();
            return key.Length == 0 ? null : key;
        }

        var header = request.Headers["X-API-Key"].ToString().Trim();
        return header.Length == 0 ? null : header;
    }
}
