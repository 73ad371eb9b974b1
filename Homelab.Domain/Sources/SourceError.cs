namespace Homelab.Domain.Sources;

/// <summary>Why a call to an upstream failed, in terms a person can act on.</summary>
public enum SourceErrorKind
{
    /// <summary>No connection could be made (refused, no route, DNS, TLS handshake).</summary>
    Unreachable,

    /// <summary>The upstream did not answer in time.</summary>
    Timeout,

    /// <summary>Credentials are missing, wrong or expired (HTTP 401). Never retried in a loop.</summary>
    Unauthorized,

    /// <summary>Credentials are valid but lack a permission (HTTP 403).</summary>
    Forbidden,

    /// <summary>The thing asked for does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The request conflicts with the target's state (HTTP 409).</summary>
    Conflict,

    /// <summary>The upstream rejected the parameters (HTTP 400).</summary>
    BadRequest,

    /// <summary>A cluster member behind the API endpoint could not be reached (Proxmox 595/596/599).</summary>
    NodeUnreachable,

    /// <summary>The upstream failed on its side (HTTP 5xx).</summary>
    UpstreamError,

    /// <summary>The answer could not be understood (not JSON, wrong shape).</summary>
    InvalidResponse,

    /// <summary>The server's TLS certificate did not match the configured CA or fingerprint.</summary>
    UntrustedCertificate,
}

/// <summary>A failed upstream call: what kind of failure, a message for people, and the HTTP status when there was one.</summary>
public sealed record SourceError(SourceErrorKind Kind, string Message, int? StatusCode = null)
{
    /// <summary>Credential problems: retrying them quickly only earns delays or bans upstream.</summary>
    public bool IsAuthenticationFailure => Kind is SourceErrorKind.Unauthorized or SourceErrorKind.Forbidden or SourceErrorKind.UntrustedCertificate;

    public override string ToString() => StatusCode is { } code ? $"{Kind} ({code}): {Message}" : $"{Kind}: {Message}";
}
