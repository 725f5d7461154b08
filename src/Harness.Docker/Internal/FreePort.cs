using System.Net;
using System.Net.Sockets;

namespace Harness.Docker.Internal;

/// <summary>Asks the kernel for a currently free TCP port on 127.0.0.1.</summary>
internal static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
