using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Packet faults (delay with jitter, loss, duplication, reordering, corruption, rate limit: one
/// <see cref="PacketFault"/>) on the packets a node receives: <c>["node", n]</c> from every peer, or
/// <c>["link", from, to]</c> on one direction of one link; <c>"primary"</c> in place of a node means the current
/// primary. <c>stop-packet</c> ends them all, leaving partitions and delays alone.
/// </summary>
public sealed class PacketNemesis(IPacketFaultable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary, PacketFault fault) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["packet"];

    public PacketFault Fault => fault;

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-packet")
        {
            await cluster.ClearPacketFaultsAsync(cancellationToken).ConfigureAwait(false);
            return "packet faults cleared";
        }
        if (f != "start-packet") throw new ArgumentException($"the packet nemesis does not handle {f}");
        var spec = value as IReadOnlyList<object?> ?? ["node", "primary"];
        var scope = spec.Count > 0 ? spec[0] as string : "node";
        if (scope == "link" && spec.Count >= 3)
        {
            var from = await NodeAsync(spec[1], cancellationToken).ConfigureAwait(false);
            var to = await NodeAsync(spec[2], cancellationToken).ConfigureAwait(false);
            if (from == to) to = nodes.First(n => n != from);
            await cluster.ApplyPacketFaultAsync(to, [from], fault, cancellationToken).ConfigureAwait(false);
            return $"link {from} -> {to}: {fault}";
        }
        var node = await NodeAsync(spec.Count > 1 ? spec[1] : "primary", cancellationToken).ConfigureAwait(false);
        await cluster.ApplyPacketFaultAsync(node, null, fault, cancellationToken).ConfigureAwait(false);
        return $"{node} receives from every peer with {fault}";
    }

    private async Task<string> NodeAsync(object? name, CancellationToken ct)
    {
        if (name is string n && n != "primary") return n;
        if (primary is null) return nodes[0];
        return await primary.PrimaryAsync(ct).ConfigureAwait(false) ?? throw new InvalidOperationException("no primary for the packet fault");
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.ClearPacketFaultsAsync(cancellationToken);
}
