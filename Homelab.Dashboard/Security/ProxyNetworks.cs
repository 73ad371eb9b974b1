using System.Net;

namespace Homelab.Dashboard.Security;

/// <summary>The trusted proxies of <c>Homelab:Auth:TrustedProxies</c>: single addresses or CIDR ranges.</summary>
internal sealed class ProxyNetworks
{
    private readonly IReadOnlyList<IPNetwork> _networks;

    private ProxyNetworks(IReadOnlyList<IPNetwork> networks) => _networks = networks;

    /// <summary>Parses every entry; entries that do not parse are skipped (the options validator reports them).</summary>
    public static ProxyNetworks From(IEnumerable<string> entries) =>
        new([.. entries.Select(e => TryParse(e, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>()]);

    /// <summary>An address (<c>10.0.0.5</c>, <c>::1</c>) as a one-address network, or a CIDR (<c>10.0.0.0/24</c>).</summary>
    public static bool TryParse(string? entry, out IPNetwork network)
    {
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            network = default;
            return false;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (IPAddress.TryParse(text, out var address))
        {
            address = Canonical(address);
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        network = default;
        return false;
    }

    /// <summary>Whether the TCP peer <paramref name="peer"/> is one of the trusted proxies.</summary>
    public bool Contains(IPAddress? peer)
    {
        if (peer is null)
        {
            return false;
        }

        // Kestrel on a dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; a 10.0.0.0/8 entry still means them.
        var canonical = Canonical(peer);
        return _networks.Any(n => n.Contains(canonical) || n.Contains(peer));
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
