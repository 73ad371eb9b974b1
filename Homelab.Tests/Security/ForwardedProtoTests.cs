using System.Net;
using Homelab.Dashboard.Security;
using Microsoft.AspNetCore.Http;

namespace Homelab.Tests.Security;

public sealed class ForwardedProtoTests
{
    private static readonly ProxyNetworks s_proxies = ProxyNetworks.From(["172.18.0.0/16"]);

    private static DefaultHttpContext Request(string peer, string? forwardedProto)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedProto is not null)
        {
            context.Request.Headers[ForwardedProto.Header] = forwardedProto;
        }

        return context;
    }

    [Fact]
    public void Apply_TrustedProxySaysHttps_RequestIsHttps()
    {
        var context = Request("172.18.0.2", "https");

        ForwardedProto.Apply(context, s_proxies);

        Assert.Equal("https", context.Request.Scheme);
        Assert.True(context.Request.IsHttps);
    }

    [Fact]
    public void Apply_ChainOfProxies_TakesTheFirstEntry()
    {
        var context = Request("172.18.0.2", "HTTPS, http");

        ForwardedProto.Apply(context, s_proxies);

        Assert.Equal("https", context.Request.Scheme);
    }

    [Theory]
    [InlineData("192.168.1.50", "https")]
    [InlineData("172.18.0.2", "javascript")]
    [InlineData("172.18.0.2", "")]
    public void Apply_UntrustedPeerOrOddValue_SchemeUnchanged(string peer, string value)
    {
        var context = Request(peer, value);

        ForwardedProto.Apply(context, s_proxies);

        Assert.Equal("http", context.Request.Scheme);
    }
}
