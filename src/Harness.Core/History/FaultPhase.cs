namespace Harness.Core.History;

/// <summary>
/// One step of a compound fault as it happened, e.g. partition-failover's "isolation" (the primary cut off from its
/// standbys), "kill", "promotion" and "writable". Times are nanoseconds since the run started, like <see cref="Op.Time"/>;
/// <see cref="Node"/> is the node the step acted on (the isolated or killed primary, the promoted standby), if any.
/// Recorded by <see cref="FaultPhaseLog"/> and stored in the nemesis op's value under <c>"phases"</c>.
/// </summary>
public sealed record FaultPhase(string Name, long StartNs, long EndNs, string? Node = null)
{
    /// <summary>The phase as stored in a history value: <c>{"name", "node", "start_ns", "end_ns"}</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToValue()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = Name, ["start_ns"] = StartNs, ["end_ns"] = EndNs };
        if (Node is not null) map["node"] = Node;
        return map;
    }

    /// <summary>Reads a phase stored by <see cref="ToValue"/>; null when the value is not one.</summary>
    public static FaultPhase? FromValue(object? value) =>
        value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("name", out var n) && n is string name
        && AsLong(map.GetValueOrDefault("start_ns")) is { } start && AsLong(map.GetValueOrDefault("end_ns")) is { } end
            ? new FaultPhase(name, start, Math.Max(start, end), map.GetValueOrDefault("node") as string)
            : null;

    internal static long? AsLong(object? v) => v switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        _ => null,
    };
}
