using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// Writes small transaction histories by hand. <see cref="Concurrent"/> invokes every transaction before any
/// completes, so there are no process or realtime edges; <see cref="Sequential"/> runs them one after another on
/// the given processes. Micro-ops: <see cref="A"/> (append), <see cref="R"/> (list read), <see cref="W"/> (write),
/// <see cref="Rr"/> (register read).
/// </summary>
public sealed class TxnHistoryBuilder
{
    private readonly List<Op> _ops = new();
    private readonly Dictionary<int, (int Position, object?[] Mops)> _open = new();

    public static object?[] A(string k, long v) => ["append", k, v];

    public static object?[] R(string k, params long[] values) => ["r", k, values.Select(x => (object?)x).ToArray()];

    public static object?[] W(string k, long v) => ["w", k, v];

    public static object?[] Rr(string k, long? v) => ["r", k, v];

    public sealed record Txn(OpType Outcome, int Process, object?[][] Mops);

    public static Txn Ok(params object?[][] mops) => new(OpType.Ok, -2, mops);

    public static Txn Fail(params object?[][] mops) => new(OpType.Fail, -2, mops);

    public static Txn Info(params object?[][] mops) => new(OpType.Info, -2, mops);

    public static Txn On(int process, Txn txn) => txn with { Process = process };

    public TxnHistoryBuilder Invoke(int process, params object?[][] mops)
    {
        var invoke = mops.Select(m => (object?)(m[0] is "r" ? new object?[] { m[0], m[1], null } : m)).ToArray();
        _open[process] = (_ops.Count, mops);
        _ops.Add(new Op(_ops.Count, _ops.Count, OpType.Invoke, process, "txn", invoke));
        return this;
    }

    public TxnHistoryBuilder Complete(int process, OpType outcome)
    {
        var (_, mops) = _open[process];
        _open.Remove(process);
        object? value = outcome == OpType.Ok ? mops : _ops.Last(o => o.Process == process && o.IsInvoke).Value;
        _ops.Add(new Op(_ops.Count, _ops.Count, outcome, process, "txn", value));
        return this;
    }

    /// <summary>All invoked first (process = position unless set), then all completed in order.</summary>
    public static History Concurrent(params Txn[] txns)
    {
        var b = new TxnHistoryBuilder();
        for (var i = 0; i < txns.Length; i++) b.Invoke(ProcessOf(txns[i], i), txns[i].Mops);
        for (var i = 0; i < txns.Length; i++) b.Complete(ProcessOf(txns[i], i), txns[i].Outcome);
        return b.Build();
    }

    /// <summary>Each transaction completes before the next is invoked.</summary>
    public static History Sequential(params Txn[] txns)
    {
        var b = new TxnHistoryBuilder();
        for (var i = 0; i < txns.Length; i++) b.Invoke(ProcessOf(txns[i], i), txns[i].Mops).Complete(ProcessOf(txns[i], i), txns[i].Outcome);
        return b.Build();
    }

    private static int ProcessOf(Txn t, int i) => t.Process == -2 ? i : t.Process;

    public History Build() => History.Of(_ops);

    public static CheckResult Check(History h, string workload = TransactionalChecker.ListAppend, string model = "strict-serializable") =>
        new TransactionalChecker().Check(h, new CheckContext
        {
            Options = new Dictionary<string, string> { ["workload"] = workload, ["consistency-model"] = model },
        });
}
