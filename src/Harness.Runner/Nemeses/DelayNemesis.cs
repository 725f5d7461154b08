using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Slow links: <c>start-delay</c> makes the target receive everything its peers send <see cref="DelayMs"/> ±
/// <see cref="JitterMs"/> late, so replication to it lags (or, on a primary, standby acknowledgements arrive late
/// and synchronous commits slow down). The value names the target: a node, <c>"primary"</c> (whichever node is
/// primary then), or <c>"standbys"</c> / null (every node but the primary). <c>stop-delay</c> clears every delay.
/// </summary>
public sealed class DelayNemesis(IDelayable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary, int delayMs = 300, int jitterMs = 30) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["delay"];

    public int DelayMs => delayMs;
    public int JitterMs => jitterMs;

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-delay")
        {
            await cluster.ClearDelaysAsync(cancellationToken).ConfigureAwait(false);
            return "delays cleared";
        }
        if (f != "start-delay") throw new ArgumentException($"the delay nemesis does not handle {f}");
        var targets = await TargetsAsync(value as string, cancellationToken).ConfigureAwait(false);
        foreach (var node in targets) FaultPhaseLog.Current?.Affects(node);
        foreach (var node in targets)
            await cluster.DelayAsync(node, null, delayMs, jitterMs, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", targets)} receive{(targets.Count == 1 ? "s" : "")} from every peer {delayMs} ± {jitterMs} ms late");
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.ClearDelaysAsync(cancellationToken);

    private async Task<IReadOnlyList<string>> TargetsAsync(string? target, CancellationToken ct)
    {
        if (target is not null && target != "primary" && target != "standbys") return [target];
        var current = primary is null ? null : await primary.PrimaryAsync(ct).ConfigureAwait(false);
        if (target == "primary") return [current ?? throw new InvalidOperationException("no primary to delay")];
        return nodes.Where(n => n != current).ToList();
    }
}
