using Harness.Core.History;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>
/// The reference for property tests: tries every order of the operations that respects real time, with the
/// register semantics written out plainly. Failed operations never happened; crashed (Info or unfinished) ones
/// may happen at any point after their invocation or never; a crashed read tells nothing. Exponential, so only
/// for tiny histories.
/// </summary>
internal static class BruteForceRegisterChecker
{
    private sealed record Call(string F, object? Input, object? Output, bool Crashed, int InvokeAt, int ReturnAt);

    public static bool IsLinearizable(History history, object? initial)
    {
        var calls = new List<Call>();
        for (var i = 0; i < history.Count; i++)
        {
            var op = history[i];
            if (!op.IsInvoke) continue;
            var done = history.CompletionOf(i);
            if (done is { Type: OpType.Fail }) continue;
            var crashed = done is null || done.Type == OpType.Info;
            if (crashed && op.F == "read") continue;
            calls.Add(new Call(op.F, op.Value, done?.Value, crashed, i, crashed ? int.MaxValue : history.PartnerOf(i)));
        }
        return Search(calls, new bool[calls.Count], initial);
    }

    private static bool Search(List<Call> calls, bool[] placed, object? state)
    {
        if (calls.Select((c, i) => c.Crashed || placed[i]).All(x => x)) return true;
        for (var i = 0; i < calls.Count; i++)
        {
            if (placed[i] || !MayGoNext(calls, placed, i)) continue;
            if (!Apply(calls[i], state, out var after)) continue;
            placed[i] = true;
            var ok = Search(calls, placed, after);
            placed[i] = false;
            if (ok) return true;
        }
        return false;
    }

    /// <summary>No unplaced completed call finished before this one was invoked.</summary>
    private static bool MayGoNext(List<Call> calls, bool[] placed, int i)
    {
        for (var j = 0; j < calls.Count; j++)
            if (!placed[j] && j != i && !calls[j].Crashed && calls[j].ReturnAt < calls[i].InvokeAt) return false;
        return true;
    }

    private static bool Apply(Call call, object? state, out object? after)
    {
        after = state;
        switch (call.F)
        {
            case "read":
                return ValueText.Equals(state, call.Output);
            case "write":
                after = call.Input;
                return true;
            default:
                var pair = (IReadOnlyList<object?>)call.Input!;
                if (!ValueText.Equals(state, pair[0])) return false;
                after = pair[1];
                return true;
        }
    }
}
