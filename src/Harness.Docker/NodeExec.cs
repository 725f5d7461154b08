namespace Harness.Docker;

/// <summary>
/// Runs fault scripts inside nodes through <see cref="ContainerCluster.ExecAsync"/> with a deadline, for the fault
/// mechanisms that live outside the cluster class (<see cref="PacketFaults"/>, <see cref="ClockControl"/>, ...). A
/// clean-up on every node tolerates nodes that are not running (a stopped container has lost its rules anyway).
/// </summary>
public static class NodeExec
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="script"/> with <c>sh -c</c> in <paramref name="node"/>; throws with its stderr if it fails.</summary>
    public static async Task<string> RunAsync(ContainerCluster cluster, string node, string script, string what, CancellationToken cancellationToken)
    {
        var result = await cluster.ExecAsync(node, ["sh", "-c", script], Timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw new DockerException($"{what} on {node}", result.ExitCode, result.Stderr);
        return result.Stdout;
    }

    /// <summary>Runs <paramref name="script"/> on every node at once; a node that fails but is not running is skipped,
    /// any other failure is thrown after all have run.</summary>
    public static async Task RunEverywhereAsync(ContainerCluster cluster, string script, string what, CancellationToken cancellationToken)
    {
        var failures = await Task.WhenAll(cluster.Nodes.Select(async node =>
        {
            var result = await cluster.ExecAsync(node, ["sh", "-c", script], Timeout, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded || !await cluster.IsRunningAsync(node, cancellationToken).ConfigureAwait(false)) return null;
            return $"{node}: {result.Stderr.Trim()}";
        })).ConfigureAwait(false);
        var real = failures.Where(f => f is not null).ToList();
        if (real.Count > 0) throw new DockerException($"{what} failed on {string.Join("; ", real)}");
    }
}
