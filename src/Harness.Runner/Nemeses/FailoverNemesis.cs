using Harness.Core.Databases;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Replaces the primary, as an operator or Patroni does when it dies: <c>start-failover</c> kills the current
/// primary and promotes a standby (the value names one, or null for the most advanced), <c>stop-failover</c> brings
/// the old primary back as a standby of the new one. With asynchronous replication the promoted standby may lack
/// commits the old primary had already acknowledged; those writes are lost, and the checkers should say so.
/// </summary>
public sealed class FailoverNemesis(IPromotable cluster) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["failover"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken) => f switch
    {
        "start-failover" => await cluster.FailoverAsync(value as string, cancellationToken).ConfigureAwait(false),
        "stop-failover" => await cluster.RejoinAsync(cancellationToken).ConfigureAwait(false),
        _ => throw new ArgumentException($"the failover nemesis does not handle {f}"),
    };

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.RejoinAsync(cancellationToken);
}
