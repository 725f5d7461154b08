using System.Collections.Concurrent;

namespace Harness.Docker.Internal;

/// <summary>
/// Places and clears <see cref="DelayRules"/> inside nodes, each exec with a deadline. Remembers which nodes carry
/// a delay. A node that is paused when its delay is cleared is remembered and cleared as soon as it is resumed;
/// a stopped node loses its rules and its delayer anyway (a restarted container gets a fresh network namespace).
/// </summary>
internal sealed class LinkDelays(Func<string, string> containerName, IReadOnlyList<string> nodes)
{
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, bool> delayed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> pendingClear = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> DelayedNodes => delayed.Keys.Order(StringComparer.Ordinal).ToList();

    public async Task ApplyAsync(string node, IReadOnlyList<string> fromIps, int delayMs, int jitterMs, CancellationToken cancellationToken)
    {
        var script = DelayRules.ApplyScript(fromIps, delayMs, jitterMs);
        var result = await ContainerOps.ExecAsync(containerName(node), ["sh", "-c", script], ExecTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw new DockerException($"delaying traffic to {node}", result.ExitCode, result.Stderr);
        delayed[node] = true;
        pendingClear.TryRemove(node, out _);
    }

    public void Forget(string node)
    {
        delayed.TryRemove(node, out _);
        pendingClear.TryRemove(node, out _);
    }

    /// <summary>Clears the delay on every node (all of them, in case an earlier process left one behind).</summary>
    public async Task ClearAllAsync(CancellationToken cancellationToken)
    {
        var failures = await Task.WhenAll(nodes.Select(n => ClearAsync(n, cancellationToken))).ConfigureAwait(false);
        var real = failures.Where(f => f is not null).ToList();
        if (real.Count > 0) throw new DockerException($"clearing delays failed on {real.Count} node(s): {string.Join("; ", real)}");
    }

    public async Task ClearIfPendingAsync(string node, CancellationToken cancellationToken)
    {
        if (!pendingClear.ContainsKey(node)) return;
        var failure = await ClearAsync(node, cancellationToken).ConfigureAwait(false);
        if (failure is not null) throw new DockerException("clearing the delay on " + failure);
    }

    private async Task<string?> ClearAsync(string node, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ContainerOps.ExecAsync(containerName(node), ["sh", "-c", DelayRules.ClearScript], ExecTimeout, cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded || DockerErrors.IsNotRunning(result.Stderr))
            {
                delayed.TryRemove(node, out _);
                pendingClear.TryRemove(node, out _);
                return null;
            }
            if (DockerErrors.IsPaused(result.Stderr))
            {
                pendingClear[node] = true;
                return null;
            }
            return $"{node}: exit {result.ExitCode}: {result.Stderr.Trim()}";
        }
        catch (TimeoutException e)
        {
            pendingClear[node] = true;
            return $"{node}: {e.Message}";
        }
    }
}
