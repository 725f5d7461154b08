using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// The textbook way asynchronous replication loses acknowledged writes: <c>start-partition-failover</c> cuts the
/// primary off from its standbys (clients on the host still reach it, and with asynchronous commit it goes on
/// acknowledging writes no standby receives), waits <see cref="IsolatedFor"/>, then kills it and promotes the
/// most advanced standby. <c>stop-partition-failover</c> heals the network and brings the old primary back as a
/// standby with pg_rewind, which discards its unreplicated commits. With synchronous commit those writes never
/// complete (they are Info), so nothing acknowledged is lost. The phases (isolation, then the failover's own kill,
/// promotion and writable when the database marks them) are noted in the step's <see cref="FaultPhaseLog"/>.
/// </summary>
public sealed class PartitionFailoverNemesis(IPartitionable network, IPromotable promotion, IHasPrimary primary, IReadOnlyList<string> nodes, TimeSpan isolatedFor)
    : INemesis
{
    /// <summary>How long the primary is cut off before the failover.</summary>
    public TimeSpan IsolatedFor => isolatedFor;

    public IReadOnlyList<string> Faults { get; } = ["partition-failover"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-partition-failover")
        {
            await network.HealNetworkAsync(cancellationToken).ConfigureAwait(false);
            return "network healed; " + await promotion.RejoinAsync(cancellationToken).ConfigureAwait(false);
        }
        var old = await primary.PrimaryAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("no primary to cut off");
        var phases = FaultPhaseLog.Current;
        phases?.Affects(old);
        var grudge = Grudge.Isolate(nodes, old);
        phases?.Set("grudge", PartitionNemesis.GrudgeValue(grudge));
        await network.ApplyGrudgeAsync(grudge, cancellationToken).ConfigureAwait(false);
        phases?.Begin("isolation", old);
        await Task.Delay(IsolatedFor, cancellationToken).ConfigureAwait(false);
        phases?.Begin("failover", old); // a database that marks its own steps (kill, promotion, writable) ends this at once
        var failover = await promotion.FailoverAsync(null, cancellationToken).ConfigureAwait(false);
        return $"{old} cut off from its standbys for {IsolatedFor.TotalSeconds:0} s, then: {failover}";
    }

    public async Task HealAllAsync(CancellationToken cancellationToken)
    {
        await network.HealNetworkAsync(cancellationToken).ConfigureAwait(false);
        await promotion.RejoinAsync(cancellationToken).ConfigureAwait(false);
    }
}
