using Harness.Core.History;

namespace Harness.Checkers.Tests.Sets;

/// <summary>Builds histories for checker tests from whole operations (invocation and outcome with their times in ms),
/// added in any order; <see cref="Build"/> sorts them by time and numbers them.</summary>
internal sealed class ScriptedHistory
{
    /// <summary>Default for <c>returned</c>: the completion repeats the invocation's value.</summary>
    public static readonly object Same = new();

    private readonly List<(long Time, int Seq, Op Op)> _entries = [];

    public ScriptedHistory Call(int process, string f, object? value, double fromMs, double toMs,
        OpType outcome = OpType.Ok, object? returned = null, string? node = null, string? error = null)
    {
        Add(new Op(0, Ns(fromMs), OpType.Invoke, process, f, value, node));
        return Add(new Op(0, Ns(toMs), outcome, process, f, ReferenceEquals(returned, Same) ? value : returned, node, error));
    }

    /// <summary>An Ok call whose completion repeats its value (writes, adds).</summary>
    public ScriptedHistory Done(int process, string f, object? value, double fromMs, double toMs, string? node = null) =>
        Call(process, f, value, fromMs, toMs, OpType.Ok, Same, node);

    public ScriptedHistory Open(int process, string f, object? value, double atMs, string? node = null) =>
        Add(new Op(0, Ns(atMs), OpType.Invoke, process, f, value, node));

    public ScriptedHistory Nemesis(string f, double atMs, object? value = null) =>
        Add(new Op(0, Ns(atMs), OpType.Info, Op.NemesisProcess, f, value));

    public History Build()
    {
        var ordered = _entries.OrderBy(e => e.Time).ThenBy(e => e.Seq).Select((e, i) => e.Op with { Index = i });
        return History.Of(ordered.ToList());
    }

    public static long Ns(double ms) => (long)Math.Round(ms * 1_000_000);

    private ScriptedHistory Add(Op op)
    {
        _entries.Add((op.Time, _entries.Count, op));
        return this;
    }
}
