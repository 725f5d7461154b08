using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// Applies and clears <see cref="PacketFaultRules"/> on the nodes of a <see cref="ContainerCluster"/> (a database
/// module's cluster delegates <c>IPacketFaultable</c> here). A restarted container has a fresh network namespace, so
/// its rules are gone; clearing a node that is not running is therefore not an error.
/// </summary>
public sealed class PacketFaults(ContainerCluster cluster)
{
    /// <summary>Makes <paramref name="node"/> receive what <paramref name="fromNodes"/> send (null: every other node) with <paramref name="fault"/>.</summary>
    public async Task ApplyAsync(string node, IReadOnlyList<string>? fromNodes, PacketFault fault, CancellationToken cancellationToken)
    {
        var from = (fromNodes ?? cluster.Nodes).Where(n => n != node).Select(cluster.Ip).ToList();
        await NodeExec.RunAsync(cluster, node, PacketFaultRules.ApplyScript(from, fault), "starting a packet fault", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the packet faults on every node.</summary>
    public Task ClearAllAsync(CancellationToken cancellationToken) =>
        NodeExec.RunEverywhereAsync(cluster, PacketFaultRules.ClearScript, "clearing packet faults", cancellationToken);
}
