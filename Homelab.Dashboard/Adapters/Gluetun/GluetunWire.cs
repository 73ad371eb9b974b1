using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Homelab.Dashboard.Adapters.Http;
using Homelab.Domain.Downloads;

namespace Homelab.Dashboard.Adapters.Gluetun;

/// <summary>The control server's routes and the JSON it answers with, read tolerantly.</summary>
/// <remarks>
/// gluetun leaves out every empty field except <c>public_ip</c>, which is <c>""</c> until the first lookup after the
/// tunnel comes up; its answers carry no JSON content type (Go's encoder without a header), so none is required.
/// </remarks>
internal static class GluetunWire
{
    public const string StatusRoute = "/v1/vpn/status";

    /// <summary>Releases from before <see cref="StatusRoute"/> (OpenVPN only). Newer ones answer it too, but report a
    /// WireGuard tunnel as stopped there, so it is only read when the current route is missing.</summary>
    public const string LegacyStatusRoute = "/v1/openvpn/status";

    public const string PublicIpRoute = "/v1/publicip/ip";

    public const string PortForwardRoute = "/v1/portforward";

    /// <summary>Releases from before <see cref="PortForwardRoute"/>; newer ones answer it with a 301 to that route.</summary>
    public const string LegacyPortForwardRoute = "/v1/openvpn/portforwarded";

    /// <summary><c>{"status":"running"}</c>; a missing or unknown status reads as <see cref="VpnState.Unknown"/>.</summary>
    public static VpnState ReadState(JsonElement root) => VpnStatus.ParseState(root.String("status")?.Trim());

    /// <summary><c>{"port":51413}</c>, where 0 means none; newer releases add <c>"ports":[...]</c>, which v4 keeps alone.</summary>
    public static int? ReadPort(JsonElement root)
    {
        if (root.Int32("port") is { } port && IsPort(port))
        {
            return port;
        }

        if (root.Array("ports") is { } ports)
        {
            foreach (var item in ports.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var value) && IsPort(value))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>The exit address and where it is; an empty, zero or malformed address reads as unknown.</summary>
    public static PublicAddress ReadPublicAddress(JsonElement root) => new(
        Address(root.String("public_ip")),
        Text(root, "country"),
        Text(root, "region"),
        Text(root, "city"),
        Text(root, "organization"));

    private static bool IsPort(int value) => value is > 0 and <= 65535;

    private static string? Address(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !IPAddress.TryParse(trimmed, out var address))
        {
            return null;
        }

        // IPAddress also takes shorthand such as "1" for 0.0.0.1; gluetun only ever writes dotted quads or IPv6.
        var wellFormed = address.AddressFamily == AddressFamily.InterNetworkV6 || trimmed.Count(c => c == '.') == 3;
        var unspecified = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        return wellFormed && !unspecified ? trimmed : null;
    }

    private static string? Text(JsonElement root, string name) => root.String(name)?.Trim() is { Length: > 0 } value ? value : null;
}

/// <summary>What <c>/v1/publicip/ip</c> says about the exit.</summary>
internal sealed record PublicAddress(string? Ip, string? Country, string? Region, string? City, string? Organization)
{
    public static readonly PublicAddress Unknown = new(null, null, null, null, null);
}
