using dotnet_etcd;
using Grpc.Net.Client;

namespace Harness.Workloads.Etcd.Internal;

/// <summary>
/// One gRPC channel to one member's client port, with dotnet-etcd's client on top. The channel is ours (not the
/// library's default) so that it has no hidden retry policy — a retried write would blur what the history says —
/// and a short connect timeout, so a dead member shows as a quick connection failure rather than a missed deadline.
/// </summary>
internal sealed class EtcdConnection : IDisposable
{
    private readonly GrpcChannel channel;

    public EtcdConnection(string endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(2),
        };
        channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        Client = new EtcdClient(channel.CreateCallInvoker());
    }

    public EtcdClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        channel.Dispose();
    }
}
