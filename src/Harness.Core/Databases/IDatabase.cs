namespace Harness.Core.Databases;

/// <summary>
/// A database cluster under test, deliberately small (Jepsen's DB protocol is two functions). What else a
/// cluster can do is an opt-in capability: <see cref="IKillable"/>, <see cref="IPausable"/>,
/// <see cref="IPartitionable"/>, <see cref="IHasPrimary"/>, <see cref="IReplicationLagSource"/>; the nemesis
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
