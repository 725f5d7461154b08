using Harness.Core.History;

namespace Harness.Core.Formats.Internal;

/// <summary>
/// Gives every operation that came without a <c>:process</c> a made-up one, so that invocations pair with
/// completions as they would in a recorded history. Elle reads process-less ops as one logical thread; we keep its
/// intent without letting two such threads collide: synthetic processes are numbered from one past the largest
/// real process. An invocation without a process opens a new synthetic process; a completion without a process
/// completes the oldest open synthetic invocation, or, when none is open (an Ok-only history, as in Elle's
/// examples), stands alone: a synthetic invocation with the same <c>f</c>, value and index is put at the very
/// start of the history, so the operation is concurrent with everything before it (we do not know when it
/// began, so no real-time order is invented) and its own process has no other operation.
/// </summary>
internal static class SyntheticProcesses
{
    public static List<Op> Assign(List<Op> ops, IReadOnlyList<bool> hasProcess)
    {
        if (hasProcess.All(h => h)) return ops;
        var next = 0;
        for (var i = 0; i < ops.Count; i++)
            if (hasProcess[i] && !ops[i].IsNemesis) next = Math.Max(next, ops[i].Process + 1);
        var open = new Queue<int>();
        var leading = new List<Op>();
        var result = new List<Op>(ops.Count);
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (hasProcess[i]) { result.Add(op); continue; }
            int process;
            if (op.IsInvoke) open.Enqueue(process = next++);
            else if (!open.TryDequeue(out process))
            {
                process = next++;
                leading.Add(op with { Type = OpType.Invoke, Process = process, Error = null });
            }
            result.Add(op with { Process = process });
        }
        if (leading.Count == 0) return result;
        leading.AddRange(result);
        return leading;
    }
}
