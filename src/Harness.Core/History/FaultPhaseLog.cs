namespace Harness.Core.History;

/// <summary>
/// Where a nemesis (and the database code it calls, such as a failover) notes the phases of a fault while applying
/// it, so the report can shade "isolation", "kill", "promotion" separately instead of guessing from text. The
/// nemesis process opens one log per step and makes it <see cref="Current"/> (ambient, so a database module can mark
/// its own steps without an interface change); <see cref="Begin"/> ends the phase in progress and starts the next.
/// The log ends with the step, and <see cref="Attach"/> turns the step's result into a structured value:
/// <c>{"description": ..., "nodes": [...], "phases": [{"name", "node", "start_ns", "end_ns"}], ...}</c>.
/// </summary>
public sealed class FaultPhaseLog(Func<long> nowNs)
{
    private static readonly AsyncLocal<FaultPhaseLog?> Ambient = new();
    private readonly Lock _gate = new();
    private readonly List<FaultPhase> _phases = [];
    private readonly List<string> _nodes = [];
    private readonly Dictionary<string, object?> _fields = new(StringComparer.Ordinal);
    private (string Name, string? Node, long Start)? _open;

    /// <summary>The log of the fault step in progress on this async flow, or null outside one.</summary>
    public static FaultPhaseLog? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>Ends the phase in progress (if any) and starts <paramref name="name"/> now.</summary>
    public void Begin(string name, string? node = null)
    {
        lock (_gate)
        {
            var now = nowNs();
            CloseOpen(now);
            _open = (name, node, now);
        }
    }

    /// <summary>Ends the phase in progress, if it is <paramref name="name"/> (or any phase when null).</summary>
    public void End(string? name = null)
    {
        lock (_gate)
            if (_open is { } o && (name is null || o.Name == name)) CloseOpen(nowNs());
    }

    /// <summary>Notes a node the fault acts on (the killed, paused, delayed or isolated node).</summary>
    public void Affects(string node)
    {
        lock (_gate)
            if (!_nodes.Contains(node)) _nodes.Add(node);
    }

    /// <summary>Adds a structured field to the step's value (e.g. "grudge": node -> nodes it drops).</summary>
    public void Set(string key, object? value)
    {
        lock (_gate) _fields[key] = value;
    }

    public IReadOnlyList<FaultPhase> Phases
    {
        get { lock (_gate) return _phases.ToList(); }
    }

    /// <summary>Ends the phase in progress and returns <paramref name="result"/> unchanged when nothing was noted,
    /// else the structured value with the result's text as <c>"description"</c>.</summary>
    public object? Attach(object? result)
    {
        lock (_gate)
        {
            CloseOpen(nowNs());
            if (_phases.Count == 0 && _nodes.Count == 0 && _fields.Count == 0) return result;
            var map = new Dictionary<string, object?>(_fields, StringComparer.Ordinal)
            {
                ["description"] = result as string ?? ValueText.Format(result),
            };
            if (_nodes.Count > 0) map["nodes"] = _nodes.Cast<object?>().ToList();
            if (_phases.Count > 0) map["phases"] = _phases.Select(p => (object?)p.ToValue()).ToList();
            return map;
        }
    }

    private void CloseOpen(long now)
    {
        if (_open is not { } o) return;
        _open = null;
        if (now > o.Start) _phases.Add(new FaultPhase(o.Name, o.Start, now, o.Node));
    }
}
