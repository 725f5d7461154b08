using Harness.Docker;

namespace Harness.Workloads.MariaDb.Internal;

/// <summary>
/// SQL run as MariaDB's root inside a node, through <c>docker exec mariadb</c> and the unix socket (Debian's
/// root@localhost authenticates by socket). Used before any network user exists: to wait for a fresh server,
/// create the harness users and wire up replication channels.
/// </summary>
internal static class RootSql
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    public static Task<CommandResult> TryAsync(ContainerCluster cluster, string node, string sql, CancellationToken ct) =>
        cluster.ExecAsync(node, ["mariadb", "--batch", "--skip-column-names", "--connect-timeout=2", "-e", sql], CallTimeout, ct);

    public static async Task<string> RunAsync(ContainerCluster cluster, string node, string sql, CancellationToken ct)
    {
        var result = await TryAsync(cluster, node, sql, ct).ConfigureAwait(false);
        return result.Succeeded ? result.Stdout : throw new DockerException($"SQL as root on {node}", result.ExitCode, result.Stderr);
    }

    /// <summary>Polls until <paramref name="sql"/> succeeds and its output satisfies <paramref name="ready"/>.</summary>
    public static async Task WaitAsync(
        ContainerCluster cluster, string node, string sql, Func<string, bool> ready, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < until)
        {
            var result = await TryAsync(cluster, node, sql, ct).ConfigureAwait(false);
            if (result.Succeeded && ready(result.Stdout)) return;
            last = (result.Stdout + result.Stderr).Trim();
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }
        throw new DockerException($"{node} not ready after {timeout.TotalSeconds:0} s ({sql}): {last}");
    }
}
