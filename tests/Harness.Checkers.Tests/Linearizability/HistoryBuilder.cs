using Harness.Core.History;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Builds small histories for tests: each call appends one entry with the next index and time.</summary>
internal sealed class HistoryBuilder
{
    private readonly List<Op> _ops = [];

    public HistoryBuilder Invoke(int process, string f, object? value = null) => Add(OpType.Invoke, process, f, value);

    public HistoryBuilder Ok(int process, string f, object? value = null) => Add(OpType.Ok, process, f, value);

    public HistoryBuilder Fail(int process, string f, object? value = null) => Add(OpType.Fail, process, f, value);

    public HistoryBuilder Info(int process, string f, object? value = null) => Add(OpType.Info, process, f, value);

    /// <summary>Invoke and Ok in a row: an operation that ran alone.</summary>
    public HistoryBuilder Op(int process, string f, object? input, object? output) => Invoke(process, f, input).Ok(process, f, output);

    private HistoryBuilder Add(OpType type, int process, string f, object? value)
    {
        _ops.Add(new Op(_ops.Count, _ops.Count * 1000L, type, process, f, value));
        return this;
    }

    public List<Op> Ops => _ops;

    public History Build() => History.Of(_ops);
}
