using System.Globalization;
using System.Net.Sockets;
using Harness.Docker;
using Harness.Workloads.Redis.Internal;

namespace Harness.Workloads.Redis;

/// <summary>
/// How the harness learns each node's state: its sentinel's <c>SENTINEL master mymaster</c> and its redis's
/// <c>INFO replication</c>, asked at the container IP over the bridge (<see cref="RespProbe"/>: milliseconds, and the
/// host is no peer, so partitions do not cut it), or with <c>docker exec redis-cli</c> inside the node when the host
/// cannot route to container IPs (a remote engine: seconds per call on a loaded machine).
/// </summary>
public sealed partial class RedisCluster
{
    private static readonly TimeSpan StatusDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DirectDeadline = TimeSpan.FromSeconds(2);
    private volatile bool direct = true;

    /// <summary>Each node's status (a paused or stopped node answers null, after at most the deadline).</summary>
    internal async Task<IReadOnlyDictionary<string, RedisNodeStatus?>> StatusesAsync(bool sentinelOnly, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Nodes.Select(n => StatusAsync(n, sentinelOnly, cancellationToken))).ConfigureAwait(false);
        return Nodes.Select((n, i) => (n, answers[i])).ToDictionary(x => x.n, x => x.Item2, StringComparer.Ordinal);
    }

    /// <summary>One node's status: its sentinel's view and, unless <paramref name="sentinelOnly"/>, its INFO replication;
    /// null if neither answered.</summary>
    internal async Task<RedisNodeStatus?> StatusAsync(string node, bool sentinelOnly, CancellationToken cancellationToken)
    {
        var sentinel = AskAsync(node, SentinelPort, ["SENTINEL", "master", "mymaster"], cancellationToken);
        var info = sentinelOnly ? Task.FromResult<string?>(null) : AskAsync(node, RedisPort, ["INFO", "replication"], cancellationToken);
        var (s, i) = (await sentinel.ConfigureAwait(false), await info.ConfigureAwait(false));
        return s is null && i is null ? null : RedisNodeStatus.Parse(s, i);
    }

    /// <summary>Asks a node's redis or sentinel directly at its container IP (milliseconds); if the host cannot route to
    /// container IPs (a remote engine), from then on with <c>docker exec redis-cli</c> inside the node (seconds).</summary>
    private async Task<string?> AskAsync(string node, int port, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        if (direct)
        {
            try
            {
                return await RespProbe.AskAsync(Containers.Ip(node), port, command, DirectDeadline, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.NetworkUnreachable or SocketError.HostUnreachable)
            {
                direct = false;
            }
            catch (Exception e) when (e is SocketException or IOException or FormatException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return null; // paused, stopped or restarting: no answer this time
            }
        }
        try
        {
            string[] cli = ["redis-cli", "--raw", "-p", port.ToString(CultureInfo.InvariantCulture), .. command];
            var result = await Containers.ExecAsync(node, cli, StatusDeadline, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? result.Stdout.Replace("\r", "", StringComparison.Ordinal) : null;
        }
        catch (Exception e) when (e is TimeoutException or DockerException)
        {
            return null; // a paused, stopped or overloaded node: no answer this time
        }
    }

    internal string? NodeOf(string? ip) => ip is null ? null : Nodes.FirstOrDefault(n => Containers.Ip(n) == ip);
}
