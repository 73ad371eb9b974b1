using System.Net;
using Homelab.Dashboard.Security;

namespace Homelab.Tests.Security;

public sealed class ProxyNetworksTests
{
    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.0/24")]
    [InlineData("fd00::/8")]
    [InlineData("::1")]
    [InlineData(" 192.168.1.0/24 ")]
    public void TryParse_AddressOrCidr_Parses(string entry) => Assert.True(ProxyNetworks.TryParse(entry, out _));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/abc")]
    [InlineData("proxy.lan")]
    [InlineData("")]
    [InlineData("300.1.1.1")]
    public void TryParse_NotAnAddressOrCidr_Fails(string entry) => Assert.False(ProxyNetworks.TryParse(entry, out _));

    [Theory]
    [InlineData("10.0.0.7", true)]
    [InlineData("10.0.1.7", false)]
    [InlineData("::ffff:10.0.0.7", true)]
    [InlineData("::ffff:10.0.1.7", false)]
    [InlineData("127.0.0.1", false)]
    public void Contains_Ipv4Cidr_MatchesPlainAndIpv4MappedPeers(string peer, bool expected) =>
        Assert.Equal(expected, ProxyNetworks.From(["10.0.0.0/24"]).Contains(IPAddress.Parse(peer)));

    [Fact]
    public void Contains_SingleAddress_MatchesOnlyThatAddress()
    {
        var networks = ProxyNetworks.From(["172.18.0.2", "fd00::10"]);

        Assert.True(networks.Contains(IPAddress.Parse("172.18.0.2")));
        Assert.True(networks.Contains(IPAddress.Parse("::ffff:172.18.0.2")));
        Assert.True(networks.Contains(IPAddress.Parse("fd00::10")));
        Assert.False(networks.Contains(IPAddress.Parse("172.18.0.3")));
        Assert.False(networks.Contains(IPAddress.Parse("fd00::11")));
    }

    [Fact]
    public void Contains_NoPeerOrNoProxies_IsFalse()
    {
        Assert.False(ProxyNetworks.From(["10.0.0.0/8"]).Contains(null));
        Assert.False(ProxyNetworks.From([]).Contains(IPAddress.Loopback));
    }
}
