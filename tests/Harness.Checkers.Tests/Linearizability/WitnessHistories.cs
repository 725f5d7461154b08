using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Turns a linearizability anomaly's witness back into histories a test can check on their own: the
/// witness alone (its operations, in history order), the witness without one call, and the witness with
/// real time ignored (every call invoked before any completes, one process each: linearizable exactly when
/// the calls' outputs can be explained in some order).</summary>
internal static class WitnessHistories
{
    /// <summary>The history indices of the call the checker could not place (invocation, completion).</summary>
    public static long[] Victim(Anomaly anomaly)
    {
        var data = (Dictionary<string, object?>)anomaly.Data!;
        var calls = (object?[])data["witness"]!;
        var invoke = (long)data["blocked-op"]!;
        return calls.Cast<Dictionary<string, object?>>().Where(c => (long)c["invoke"]! == invoke)
            .SelectMany(c => c["complete"] is long done ? new[] { invoke, done } : [invoke]).ToArray();
    }

    /// <summary>The witness's calls as (invocation index, completion index or null).</summary>
    public static List<(long Invoke, long? Complete)> Calls(Anomaly anomaly) =>
        ((object?[])((Dictionary<string, object?>)anomaly.Data!)["witness"]!).Cast<Dictionary<string, object?>>()
            .Select(c => ((long)c["invoke"]!, c["complete"] as long?)).ToList();

    /// <summary>The operations of <paramref name="history"/> whose index is in <paramref name="indices"/>.</summary>
    public static History Alone(History history, IEnumerable<long> indices)
    {
        var keep = indices.ToHashSet();
        return Renumbered(history.Ops.Where(o => keep.Contains(o.Index)).ToList());
    }

    /// <summary>The same calls with real time ignored.</summary>
    public static History Timeless(History witness)
    {
        var invokes = new List<Op>();
        var completions = new List<Op>();
        for (var i = 0; i < witness.Count; i++)
        {
            if (!witness[i].IsInvoke) continue;
            invokes.Add(witness[i] with { Process = invokes.Count });
            if (witness.CompletionOf(i) is { } done) completions.Add(done with { Process = invokes.Count - 1 });
        }
        return Renumbered([.. invokes, .. completions]);
    }

    private static History Renumbered(List<Op> ops) =>
        History.Of(ops.Select((o, i) => o with { Index = i, Time = i * 1000L }).ToList());
}
