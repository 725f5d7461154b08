namespace Harness.Core.History;

/// <summary>
/// A fault as it happened, from the moment the nemesis began applying it to the moment its stop completed. The
/// nemesis records each step as an invoke and an info op (Jepsen's convention: <c>f = "start-&lt;fault&gt;"</c>,
/// then <c>"stop-&lt;fault&gt;"</c>), so a fault has four times: <see cref="InvokedNs"/> (start invoked: the fault
/// begins to bite), <see cref="InEffectNs"/> (start completed: fully applied), <see cref="StopInvokedNs"/> and
/// <see cref="HealedNs"/> (stop completed). <see cref="StartNs"/> / <see cref="EndNs"/> are the outer span
/// (invoked to healed). A compound fault's <see cref="Phases"/> (partition-failover: isolation, kill, promotion,
/// writable) and the <see cref="Nodes"/> it hit come from the structured value the nemesis recorded
/// (<see cref="FaultPhaseLog"/>). A history with only info ops (no invokes) gives invoked = in effect; a fault
/// never stopped lasts to the end of the history.
/// </summary>
public sealed record FaultWindow(string Fault, long StartNs, long EndNs, string? Description)
{
    private readonly long? _inEffect;
    private readonly long? _stopInvoked;

    public long InvokedNs => StartNs;
    public long HealedNs => EndNs;

    /// <summary>When the start step completed (the fault fully applied); defaults to <see cref="StartNs"/>.</summary>
    public long InEffectNs
    {
        get => _inEffect ?? StartNs;
        init => _inEffect = value;
    }

    /// <summary>When the stop step was invoked; defaults to <see cref="EndNs"/>.</summary>
    public long StopInvokedNs
    {
        get => _stopInvoked ?? EndNs;
        init => _stopInvoked = value;
    }

    public IReadOnlyList<FaultPhase> Phases { get; init; } = [];
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>The structured fields of the start op's value beyond description, nodes and phases (e.g. "grudge").</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; init; } = new Dictionary<string, object?>();

    /// <summary>The phase in force at <paramref name="ns"/>, or null.</summary>
    public FaultPhase? PhaseAt(long ns) => Phases.FirstOrDefault(p => p.StartNs <= ns && ns < p.EndNs);

    public static IReadOnlyList<FaultWindow> From(IReadOnlyList<Op> ops)
    {
        var invoked = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Dictionary<string, FaultWindow>(StringComparer.Ordinal);
        var stopInvoked = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new List<FaultWindow>();
        var last = ops.Count == 0 ? 0 : ops.Max(o => o.Time);
        foreach (var op in ops)
        {
            if (!op.IsNemesis || (op.Type != OpType.Info && op.Type != OpType.Invoke)) continue;
            var (starting, fault) = Split(op.F);
            if (fault is null) continue;
            if (starting && op.IsInvoke && !open.ContainsKey(fault)) invoked.TryAdd(fault, op.Time);
            else if (starting && !op.IsInvoke && !open.ContainsKey(fault))
                open[fault] = Opened(fault, invoked.Remove(fault, out var at) ? at : op.Time, op);
            else if (!starting && op.IsInvoke && open.ContainsKey(fault)) stopInvoked.TryAdd(fault, op.Time);
            else if (!starting && !op.IsInvoke && open.Remove(fault, out var w))
                result.Add(w with { EndNs = op.Time, StopInvokedNs = stopInvoked.Remove(fault, out var s) ? s : op.Time });
        }
        foreach (var (fault, w) in open)
            result.Add(w with { EndNs = last, StopInvokedNs = stopInvoked.GetValueOrDefault(fault, last) });
        foreach (var (fault, at) in invoked) // invoked, never completed: applying until the end
            result.Add(new FaultWindow(fault, at, last, "never completed") { InEffectNs = last });
        result.Sort((a, b) => a.StartNs.CompareTo(b.StartNs));
        return result;
    }

    private static (bool Starting, string? Fault) Split(string f) =>
        f.StartsWith("start-", StringComparison.Ordinal) ? (true, f["start-".Length..])
        : f.StartsWith("stop-", StringComparison.Ordinal) ? (false, f["stop-".Length..])
        : (false, null);

    private static FaultWindow Opened(string fault, long invokedAt, Op completion)
    {
        if (completion.Error is not null) // the start failed: keep the window (it may be partly applied) and say why
            return new FaultWindow(fault, invokedAt, completion.Time, "failed: " + completion.Error) { InEffectNs = completion.Time };
        if (completion.Value is not IReadOnlyDictionary<string, object?> map || !map.ContainsKey("description"))
            return new FaultWindow(fault, invokedAt, completion.Time, completion.Value is null ? null : ValueText.Format(completion.Value))
                { InEffectNs = completion.Time };
        var phases = map.GetValueOrDefault("phases") is IReadOnlyList<object?> list
            ? list.Select(FaultPhase.FromValue).OfType<FaultPhase>().OrderBy(p => p.StartNs).ToList()
            : [];
        var nodes = map.GetValueOrDefault("nodes") is IReadOnlyList<object?> n ? n.OfType<string>().ToList() : [];
        var fields = map.Where(kv => kv.Key is not ("description" or "phases" or "nodes"))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new FaultWindow(fault, invokedAt, completion.Time, map["description"] as string ?? ValueText.Format(map["description"]))
            { InEffectNs = completion.Time, Phases = phases, Nodes = nodes, Fields = fields };
    }
}
