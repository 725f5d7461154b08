using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Runner.Faults;

namespace Harness.Runner.Nemeses;

/// <summary>
/// A kill during recovery: <c>start-kill-recovery</c> kills the targets, starts them, and kills them again
/// <see cref="IntoRecovery"/> after the start, while the server is still replaying its log (crash recovery is where
/// many storage engines are least tested). <c>stop-kill-recovery</c> starts them for good.
/// </summary>
public sealed class KillRecoveryNemesis(IKillable cluster, IHasPrimary? primary, IReadOnlyList<string> nodes, TimeSpan intoRecovery) : INemesis
{
    private readonly List<string> _downed = [];
    private readonly NodesHeld _held = NodesHeld.Of(cluster);

    /// <summary>How long after the restart the second kill comes.</summary>
    public TimeSpan IntoRecovery => intoRecovery;

    public IReadOnlyList<string> Faults { get; } = ["kill-recovery"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-kill-recovery")
        {
            var restored = await HealAsync(cancellationToken).ConfigureAwait(false);
            return restored.Count == 0 ? "nothing to restore" : $"started {string.Join(", ", restored)}";
        }
        if (f != "start-kill-recovery") throw new ArgumentException($"the kill-recovery nemesis does not handle {f}");
        var aimed = await NodeTarget.ResolveAsync(value, nodes, primary is null ? null : primary.PrimaryAsync, cancellationToken).ConfigureAwait(false);
        var targets = _held.Retarget(aimed, nodes, "kill-recovery", out var notes);
        if (targets.Count == 0) return "kill-recovery: no node to hit (" + string.Join("; ", notes) + ")";
        _held.Hold(targets, "kill-recovery");
        lock (_downed) _downed.AddRange(targets);
        await NodeFaultNemesis.AllAtOnceAsync(targets, cluster.KillAsync, cancellationToken).ConfigureAwait(false);
        await NodeFaultNemesis.AllAtOnceAsync(targets, cluster.StartAsync, cancellationToken).ConfigureAwait(false);
        await Task.Delay(intoRecovery, cancellationToken).ConfigureAwait(false);
        var spread = await NodeFaultNemesis.AllAtOnceAsync(targets, cluster.KillAsync, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture,
            $"killed {string.Join(", ", targets)}, restarted, killed again {intoRecovery.TotalMilliseconds:0} ms into recovery (within {spread.TotalMilliseconds:0} ms)")
            + (notes.Count == 0 ? "" : " (" + string.Join("; ", notes) + ")");
    }

    private async Task<List<string>> HealAsync(CancellationToken ct)
    {
        List<string> downed;
        lock (_downed)
        {
            downed = _downed.Distinct().ToList();
            _downed.Clear();
        }
        await NodeFaultNemesis.AllAtOnceAsync(downed, cluster.StartAsync, ct).ConfigureAwait(false);
        _held.Release(downed, "kill-recovery");
        return downed;
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => HealAsync(cancellationToken);
}
