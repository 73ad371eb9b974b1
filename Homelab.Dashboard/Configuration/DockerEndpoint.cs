namespace Homelab.Dashboard.Configuration;

/// <summary>A parsed Docker endpoint: a Unix socket path or an HTTP base address.</summary>
internal sealed record DockerEndpoint(Uri BaseAddress, string? SocketPath)
{
    public bool IsUnixSocket => SocketPath is not null;

    /// <summary>How the endpoint is shown on /sources.</summary>
    public string Display => SocketPath is { } path ? $"unix://{path}" : BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>Parses an endpoint already checked by the options validator.</summary>
    public static DockerEndpoint Parse(string value) =>
        TryParse(value, out var endpoint, out var why) ? endpoint : throw new FormatException($"Docker endpoint '{value}' {why}");

    public static bool TryParse(string value, out DockerEndpoint endpoint, out string why)
    {
        endpoint = null!;
        why = "";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            why = "is not a URI; use unix:///var/run/docker.sock or tcp://host:2375.";
            return false;
        }

        switch (uri.Scheme)
        {
            case "unix":
                if (string.IsNullOrEmpty(uri.AbsolutePath) || uri.AbsolutePath == "/")
                {
                    why = "needs a socket path, e.g. unix:///var/run/docker.sock.";
                    return false;
                }

                // The host part of this address is never resolved; requests go down the socket.
                endpoint = new DockerEndpoint(new Uri("http://docker"), uri.AbsolutePath);
                return true;
            case "tcp":
            case "http":
            case "https":
                if (uri.IsDefaultPort && uri.Scheme == "tcp")
                {
                    why = "needs a port, e.g. tcp://docker-server:2375.";
                    return false;
                }

                var scheme = uri.Scheme == "https" ? "https" : "http";
                endpoint = new DockerEndpoint(new Uri($"{scheme}://{uri.Authority}"), null);
                return true;
            default:
                why = $"has an unsupported scheme '{uri.Scheme}'; use unix://, tcp://, http:// or https://.";
                return false;
        }
    }
}
