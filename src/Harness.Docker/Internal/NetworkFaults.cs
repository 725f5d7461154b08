using System.Collections.Concurrent;
using Harness.Core.Faults;

namespace Harness.Docker.Internal;

/// <summary>
/// Applies grudges and heals them with iptables inside each node, all nodes in parallel, each exec with a
/// deadline. A node that is paused or stopped cannot be exec'd into: it is skipped without error (its peers'
/// rules still cut the link), and if it could not be healed it is remembered and flushed as soon as it is
/// resumed or started again, so a heal is never lost.
/// </summary>
internal sealed class NetworkFaults(
    Func<string, string> containerName, Func<string, string> ipOf, IReadOnlyList<string> nodes)
{
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, bool> pendingHeal = new(StringComparer.Ordinal);

    public async Task ApplyAsync(Grudge grudge, CancellationToken cancellationToken)
    {
        var commands = PartitionRules.Commands(grudge, ipOf);
        var failures = await Task.WhenAll(commands.Select(kv =>
            ExecAsync(kv.Key, ["sh", "-c", PartitionRules.Script(kv.Value)], cancellationToken))).ConfigureAwait(false);
        ThrowIfAny(failures, "applying the grudge " + grudge);
    }

    public async Task HealAsync(CancellationToken cancellationToken)
    {
        foreach (var node in nodes) pendingHeal[node] = true;
        var failures = await Task.WhenAll(nodes.Select(node => HealOneAsync(node, cancellationToken))).ConfigureAwait(false);
        ThrowIfAny(failures, "healing the network");
    }

    public async Task HealIfPendingAsync(string node, CancellationToken cancellationToken)
    {
        if (!pendingHeal.ContainsKey(node)) return;
        var failure = await HealOneAsync(node, cancellationToken).ConfigureAwait(false);
        ThrowIfAny([failure], $"healing {node}");
    }

    private async Task<string?> HealOneAsync(string node, CancellationToken cancellationToken)
    {
        var (done, failure) = await TryExecAsync(node, PartitionRules.HealCommand, cancellationToken).ConfigureAwait(false);
        if (done) pendingHeal.TryRemove(node, out _);
        return failure;
    }

    private async Task<string?> ExecAsync(string node, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        (await TryExecAsync(node, command, cancellationToken).ConfigureAwait(false)).Failure;

    /// <summary>Done = the command ran successfully; Failure = a real error (not "paused" or "not running").</summary>
    private async Task<(bool Done, string? Failure)> TryExecAsync(string node, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ContainerOps.ExecAsync(containerName(node), command, ExecTimeout, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) return (true, null);
            if (DockerErrors.IsPaused(result.Stderr) || DockerErrors.IsNotRunning(result.Stderr)) return (false, null);
            return (false, $"{node}: exit {result.ExitCode}: {result.Stderr.Trim()}");
        }
        catch (TimeoutException e)
        {
            return (false, $"{node}: {e.Message}");
        }
    }

    private static void ThrowIfAny(IEnumerable<string?> failures, string what)
    {
        var real = failures.Where(f => f is not null).ToList();
        if (real.Count > 0) throw new DockerException($"{what} failed on {real.Count} node(s): {string.Join("; ", real)}");
    }
}
