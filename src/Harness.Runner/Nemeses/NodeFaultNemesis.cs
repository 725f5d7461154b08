using System.Diagnostics;
using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Runner.Faults;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Faults that take nodes down and bring them back: <c>kill</c> (SIGKILL the server, start it again at stop),
/// <c>pause</c> (freeze every process of the node, resume at stop) and <c>stop</c> (SIGSTOP the database process
/// alone, SIGCONT at stop). The schedule names the target (<see cref="NodeTarget"/>): one node, the primary, a
/// minority, a majority or all. Several targets are hit at the same moment (in parallel) and brought back together,
/// so <c>kill</c> on all nodes is a coordinated crash; the op records how far apart the first and last hit landed.
/// </summary>
public sealed class NodeFaultNemesis : INemesis
{
    private readonly string _fault;
    private readonly Func<string, CancellationToken, Task> _down;
    private readonly Func<string, CancellationToken, Task> _up;
    private readonly IHasPrimary? _primary;
    private readonly IReadOnlyList<string> _nodes;
    private readonly List<string> _downed = [];
    private Func<IReadOnlyList<string>, CancellationToken, Task>? _downTogether;
    private NodesHeld _held = new();

    private NodeFaultNemesis(string fault, Func<string, CancellationToken, Task> down, Func<string, CancellationToken, Task> up, IHasPrimary? primary, IReadOnlyList<string> nodes)
    {
        _nodes = nodes;
        _fault = fault;
        _down = down;
        _up = up;
        _primary = primary;
        Faults = [fault];
    }

    public static NodeFaultNemesis Kill(IKillable cluster, IHasPrimary? primary, IReadOnlyList<string> nodes) =>
        new("kill", cluster.KillAsync, cluster.StartAsync, primary, nodes)
        {
            _downTogether = cluster is IKillableTogether together ? together.KillTogetherAsync : null,
            _held = NodesHeld.Of(cluster),
        };

    public static NodeFaultNemesis Pause(IPausable cluster, IHasPrimary? primary, IReadOnlyList<string> nodes) =>
        new("pause", cluster.PauseAsync, cluster.ResumeAsync, primary, nodes) { _held = NodesHeld.Of(cluster) };

    public static NodeFaultNemesis Stop(IProcessSignalable cluster, IHasPrimary? primary, IReadOnlyList<string> nodes) =>
        new("stop", cluster.StopProcessAsync, cluster.ContinueProcessAsync, primary, nodes) { _held = NodesHeld.Of(cluster) };

    public IReadOnlyList<string> Faults { get; }

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-" + _fault)
        {
            var restored = await HealAsync(cancellationToken).ConfigureAwait(false);
            return restored.Count == 0 ? "nothing to restore" : $"{_fault} ended on {string.Join(", ", restored)}";
        }
        if (f != "start-" + _fault) throw new ArgumentException($"the {_fault} nemesis does not handle {f}");
        var aimed = await NodeTarget.ResolveAsync(value, _nodes, _primary is null ? null : _primary.PrimaryAsync, cancellationToken).ConfigureAwait(false);
        var targets = _held.Retarget(aimed, _nodes, _fault, out var notes);
        var retargeted = notes.Count == 0 ? "" : " (" + string.Join("; ", notes) + ")";
        if (targets.Count == 0) return $"{_fault}: no node to hit{retargeted}";
        foreach (var t in targets) FaultPhaseLog.Current?.Affects(t);
        lock (_downed) _downed.AddRange(targets);
        _held.Hold(targets, _fault);
        if (targets.Count > 1 && _downTogether is not null)
        {
            await _downTogether(targets, cancellationToken).ConfigureAwait(false);
            return $"{_fault} {string.Join(", ", targets)} (in one request){retargeted}";
        }
        var spread = await AllAtOnceAsync(targets, _down, cancellationToken).ConfigureAwait(false);
        return (targets.Count == 1 ? $"{_fault} {targets[0]}" : $"{_fault} {string.Join(", ", targets)} (all within {Ms(spread)} ms)") + retargeted;
    }

    /// <summary>Runs <paramref name="action"/> on every node in parallel; returns the time between the first and the last completion.</summary>
    internal static async Task<TimeSpan> AllAtOnceAsync(IReadOnlyList<string> nodes, Func<string, CancellationToken, Task> action, CancellationToken ct)
    {
        if (nodes.Count == 0) return TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var done = await Task.WhenAll(nodes.Select(async n =>
        {
            await action(n, ct).ConfigureAwait(false);
            return clock.Elapsed;
        })).ConfigureAwait(false);
        return done.Max() - done.Min();
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    private async Task<List<string>> HealAsync(CancellationToken ct)
    {
        List<string> nodes;
        lock (_downed)
        {
            nodes = _downed.Distinct().ToList();
            _downed.Clear();
        }
        await AllAtOnceAsync(nodes, _up, ct).ConfigureAwait(false);
        _held.Release(nodes, _fault);
        return nodes;
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => HealAsync(cancellationToken);
}
