using System.Diagnostics;
using Harness.Core.Databases;
using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// What every database cluster on Docker shares, whatever the system: its nodes are the containers of one
/// <see cref="ContainerCluster"/>, so killing, pausing and partitioning a node, collecting logs and tearing down are
/// the container's operations, and "healthy" is waited for the same way (poll a system-specific question until it
/// finds nothing missing, and stop early, with the last log lines, when a container exited). A module's cluster
/// derives from this and adds what is its own: set-up, health, primary and lag. Start and teardown are virtual for
/// systems that must do more (PostgreSQL rejoins a fenced old primary instead of starting it).
/// </summary>
public abstract class ContainerDatabase : IDatabase, IKillable, IPausable, IPartitionable
{
    protected ContainerDatabase(ContainerCluster containers) => Containers = containers;

    public ContainerCluster Containers { get; }

    public IReadOnlyList<string> Nodes => Containers.Nodes;

    public abstract Task SetupAsync(CancellationToken cancellationToken);

    public Task KillAsync(string node, CancellationToken cancellationToken) => Containers.KillAsync(node, cancellationToken);

    public virtual Task StartAsync(string node, CancellationToken cancellationToken) => Containers.StartAsync(node, cancellationToken);

    public Task PauseAsync(string node, CancellationToken cancellationToken) => Containers.PauseAsync(node, cancellationToken);

    public Task ResumeAsync(string node, CancellationToken cancellationToken) => Containers.ResumeAsync(node, cancellationToken);

    public Task ApplyGrudgeAsync(Grudge grudge, CancellationToken cancellationToken) => Containers.ApplyGrudgeAsync(grudge, cancellationToken);

    public Task HealNetworkAsync(CancellationToken cancellationToken) => Containers.HealNetworkAsync(cancellationToken);

    public virtual Task CollectLogsAsync(string directory, CancellationToken cancellationToken) => Containers.CollectLogsAsync(directory, cancellationToken);

    public virtual Task TeardownAsync(CancellationToken cancellationToken) => Containers.TeardownAsync(cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Containers.DisposeAsync();
    }

    /// <summary>
    /// Polls <paramref name="problem"/> (null: healthy; otherwise what is missing) every <paramref name="poll"/> until
    /// it is null or <paramref name="timeout"/> passes, then throws naming <paramref name="what"/> and the last
    /// problem. Every tenth round checks that no container exited, and throws with its last log lines if one did.
    /// </summary>
    protected async Task WaitUntilHealthyAsync(string what, TimeSpan timeout, TimeSpan poll, Func<CancellationToken, Task<string?>> problem,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? last = "not checked yet";
        for (var round = 0; clock.Elapsed < timeout; round++)
        {
            last = await problem(cancellationToken).ConfigureAwait(false);
            if (last is null) return;
            if (round % 10 == 9) await ThrowIfAnyExitedAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }
        throw new DockerException($"{what} not healthy after {timeout.TotalSeconds:0} s: {last}");
    }

    private async Task ThrowIfAnyExitedAsync(CancellationToken cancellationToken)
    {
        foreach (var node in Nodes)
        {
            if (await Containers.IsRunningAsync(node, cancellationToken).ConfigureAwait(false)) continue;
            var logs = await DockerCli.Default.RunAsync(["logs", "--tail", "30", Containers.ContainerName(node)], TimeSpan.FromSeconds(10), cancellationToken)
                .ConfigureAwait(false);
            throw new DockerException($"{node} exited during setup; last log lines:\n{logs.Stdout}{logs.Stderr}");
        }
    }
}
