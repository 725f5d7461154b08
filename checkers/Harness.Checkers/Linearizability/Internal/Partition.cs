using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>One independently checked part of a history (a key, or the whole history): its calls encoded for
/// a fresh model instance, and the outcome of searching it. Read-only calls with an unknown output (crashed, or
/// a nil read under Knossos's convention) constrain nothing and are left out of <see cref="Calls"/>. Once searched,
/// a part that is not the witness lets go of its calls (<see cref="Release"/>) and keeps only their number.</summary>
internal sealed class Partition
{
    public object? Key { get; }
    public bool Keyed { get; }
    public List<HistoryCall> Calls { get; private set; } = [];
    public int CheckedCount { get; }
    public SearchProblem? Problem { get; private set; }
    public string? EncodingError { get; }
    public SearchOutcome? Outcome { get; set; }

    public Partition(object? key, bool keyed, IReadOnlyList<HistoryCall> calls, IModel model)
    {
        Key = key;
        Keyed = keyed;
        var ops = new List<ModelOp>(calls.Count);
        foreach (var c in calls)
        {
            if (!model.TryEncode(c.Invoke.F, c.Input, c.Output, !c.Crashed, out var op, out var error))
            {
                EncodingError = $"operation {c.Invoke.Index}: {error}";
                CheckedCount = Calls.Count;
                return;
            }
            if ((c.Crashed || !op.Known) && model.IsReadOnly(op)) continue;
            ops.Add(op);
            Calls.Add(c);
        }
        CheckedCount = Calls.Count;
        Problem = new SearchProblem(model, [.. ops],
            Calls.Select(c => c.InvokeAt).ToArray(), Calls.Select(c => c.ReturnAt).ToArray(), Calls.Select(c => c.Crashed).ToArray());
    }

    public string KeyText => Keyed ? ValueText.Format(Key) : "";

    /// <summary>Drops the calls and the encoded problem (a searched part that explains nothing further).</summary>
    public void Release()
    {
        Calls = [];
        Problem = null;
    }
}
