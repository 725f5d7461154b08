namespace Harness.Core.Databases;

/// <summary>
/// A database cluster under test, deliberately small (Jepsen's DB protocol is two functions). What else a
/// cluster can do is an opt-in capability: <see cref="IKillable"/>, <see cref="IPausable"/>,
/// <see cref="IPartitionable"/>, <see cref="IHasPrimary"/>, <see cref="IPromotable"/>, <see cref="IDelayable"/>,
/// <see cref="IReplicationLagSource"/>; the nemesis
/// only schedules faults the database supports.
/// </summary>
public interface IDatabase : IAsyncDisposable
{
    IReadOnlyList<string> Nodes { get; }

    /// <summary>Creates and starts the cluster and waits until it is healthy.</summary>
    Task SetupAsync(CancellationToken cancellationToken);

    /// <summary>Copies each node's server log into <paramref name="directory"/>.</summary>
    Task CollectLogsAsync(string directory, CancellationToken cancellationToken);

    /// <summary>Removes every container and network of the cluster.</summary>
    Task TeardownAsync(CancellationToken cancellationToken);
}

public interface IKillable
{
    Task KillAsync(string node, CancellationToken cancellationToken);
    Task StartAsync(string node, CancellationToken cancellationToken);
}

public interface IPausable
{
    Task PauseAsync(string node, CancellationToken cancellationToken);
    Task ResumeAsync(string node, CancellationToken cancellationToken);
}

public interface IPartitionable
{
    /// <summary>Makes each node drop traffic from and to the nodes the grudge names.</summary>
    Task ApplyGrudgeAsync(Faults.Grudge grudge, CancellationToken cancellationToken);
    Task HealNetworkAsync(CancellationToken cancellationToken);
}

public interface IHasPrimary
{
    /// <summary>The node currently accepting writes, or null if none does.</summary>
    Task<string?> PrimaryAsync(CancellationToken cancellationToken);
}

public interface IReplicationLagSource
{
    Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken);
}

/// <summary>
/// A primary/standby database whose primary can be replaced, as an operator or Patroni does when the primary dies:
/// the primary is killed, a standby is promoted, the other standbys follow it, and later the old primary comes
/// back as a standby of the new one. Between the two calls the old primary stays down (fenced).
/// </summary>
public interface IPromotable
{
    /// <summary>Kills the current primary and promotes <paramref name="target"/> (null: the most advanced standby);
    /// returns what was done, with timings.</summary>
    Task<string> FailoverAsync(string? target, CancellationToken cancellationToken);

    /// <summary>Brings every primary replaced by <see cref="FailoverAsync"/> back as a standby of the current
    /// primary; returns what was done (a no-op description if there is nothing to rejoin).</summary>
    Task<string> RejoinAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Slow links: a node receives the traffic of some peers late (delay plus or minus jitter), so replication to it
/// lags. Delays on the receiving side only, so one node can be slowed without touching the others.
/// </summary>
public interface IDelayable
{
    /// <summary>Makes <paramref name="node"/> receive what <paramref name="fromNodes"/> send (null: every other node)
    /// <paramref name="delayMs"/> plus or minus <paramref name="jitterMs"/> late; replaces an earlier delay on that node.</summary>
    Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken);

    /// <summary>Ends every delay on every node.</summary>
    Task ClearDelaysAsync(CancellationToken cancellationToken);
}
