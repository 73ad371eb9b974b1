using System.Net;
using System.Net.Sockets;

namespace Homelab.Tests.Shared;

/// <summary>A loopback TCP port that was free a moment ago (the caller retries if another process takes it first).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
