namespace Harness.Core.History;

/// <summary>
/// An interval during which a fault was in force. The nemesis records each fault as an info op with
/// <c>f = "start-&lt;fault&gt;"</c> and ends it with <c>f = "stop-&lt;fault&gt;"</c> (Jepsen's convention);
/// a fault never stopped lasts to the end of the history.
/// </summary>
public sealed record FaultWindow(string Fault, long StartNs, long EndNs, string? Description)
{
    public static IReadOnlyList<FaultWindow> From(IReadOnlyList<Op> ops)
    {
        var open = new Dictionary<string, (long Start, string? Description)>();
        var result = new List<FaultWindow>();
        long last = ops.Count == 0 ? 0 : ops[^1].Time;
        foreach (var op in ops)
        {
            if (!op.IsNemesis || op.Type != OpType.Info) continue;
            if (op.F.StartsWith("start-", StringComparison.Ordinal))
            {
                var fault = op.F["start-".Length..];
                if (!open.ContainsKey(fault)) open[fault] = (op.Time, op.Value is null ? null : ValueText.Format(op.Value));
            }
            else if (op.F.StartsWith("stop-", StringComparison.Ordinal))
            {
                var fault = op.F["stop-".Length..];
                if (open.Remove(fault, out var s)) result.Add(new FaultWindow(fault, s.Start, op.Time, s.Description));
            }
        }
        foreach (var (fault, s) in open) result.Add(new FaultWindow(fault, s.Start, last, s.Description));
        result.Sort((a, b) => a.StartNs.CompareTo(b.StartNs));
        return result;
    }
}
