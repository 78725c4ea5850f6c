using System.Net.Sockets;

namespace SocialDesk.Tests.Infrastructure;

/// <summary>Ports of 127.0.0.1 for the servers and listeners a test starts itself.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on at the moment of asking.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
