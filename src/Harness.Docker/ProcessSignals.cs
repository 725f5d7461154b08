namespace Harness.Docker;

/// <summary>
/// SIGSTOP / SIGCONT of a node's database server alone: its PID 1 is signalled from outside (the kernel ignores
/// SIGSTOP sent to a namespace's init from inside), and its other processes (PostgreSQL's backends, walsender,
/// checkpointer, ...) with <c>pkill -u</c> from inside. Root's helpers (nfqdelay, clock loops) keep running, unlike
/// <c>docker pause</c>, which freezes the whole node.
/// </summary>
public sealed class ProcessSignals(ContainerCluster cluster, string serverUser)
{
    public string ServerUser => serverUser;

    public async Task StopAsync(string node, CancellationToken cancellationToken)
    {
        await cluster.SignalAsync(node, "STOP", cancellationToken).ConfigureAwait(false);
        await NodeExec.RunAsync(cluster, node, $"pkill -STOP -u {serverUser}; true", "stopping the server", cancellationToken).ConfigureAwait(false);
    }

    public async Task ContinueAsync(string node, CancellationToken cancellationToken)
    {
        await NodeExec.RunAsync(cluster, node, $"pkill -CONT -u {serverUser}; true", "continuing the server", cancellationToken).ConfigureAwait(false);
        await cluster.SignalAsync(node, "CONT", cancellationToken).ConfigureAwait(false);
    }
}
