using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Faults that take a node down and bring it back: <c>kill</c> (SIGKILL the server, start it again at stop) and
/// <c>pause</c> (freeze every process of the node, resume at stop). The schedule names the target node, or
/// "primary" to hit whichever node accepts writes at that moment.
/// </summary>
public sealed class NodeFaultNemesis : INemesis
{
    private readonly string _fault;
    private readonly Func<string, CancellationToken, Task> _down;
    private readonly Func<string, CancellationToken, Task> _up;
    private readonly IHasPrimary? _primary;
    private readonly IReadOnlyList<string> _nodes;
    private readonly List<string> _downed = [];

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
        new("kill", cluster.KillAsync, cluster.StartAsync, primary, nodes);

    public static NodeFaultNemesis Pause(IPausable cluster, IHasPrimary? primary, IReadOnlyList<string> nodes) =>
        new("pause", cluster.PauseAsync, cluster.ResumeAsync, primary, nodes);

    public IReadOnlyList<string> Faults { get; }

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-" + _fault)
        {
            var restored = await HealAsync(cancellationToken).ConfigureAwait(false);
            return restored.Count == 0 ? "nothing to restore" : $"{_fault} ended on {string.Join(", ", restored)}";
        }
        var node = value as string ?? "primary";
        if (node == "primary")
            node = _primary is null ? _nodes[0]
                : await _primary.PrimaryAsync(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("no primary to " + _fault);
        FaultPhaseLog.Current?.Affects(node);
        await _down(node, cancellationToken).ConfigureAwait(false);
        _downed.Add(node);
        return $"{_fault} {node}";
    }

    private async Task<List<string>> HealAsync(CancellationToken ct)
    {
        var restored = new List<string>();
        foreach (var node in _downed.Distinct().ToList())
        {
            await _up(node, ct).ConfigureAwait(false);
            restored.Add(node);
        }
        _downed.Clear();
        return restored;
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => HealAsync(cancellationToken);
}
