namespace Harness.Core.History;

/// <summary>
/// The pairing rule of a history, one operation at a time: an invocation opens its process, a completion closes the
/// process's open invocation. A second client invocation while one is open, or a client completion with nothing
/// open, breaks it (nemesis entries may do either). Used by <see cref="History.Of"/> on a whole history and by a
/// streamed check that never holds one, so both pair, and word their faults, the same way.
/// </summary>
public sealed class PairingCursor
{
    private readonly Dictionary<int, int> _open = new();

    /// <summary>Takes the operation at <paramref name="position"/>: returns the position of the invocation it
    /// completes, or -1; <paramref name="fault"/> is set when it breaks the pairing (the cursor goes on regardless).</summary>
    public int Add(Op op, int position, out HistoryPairingException? fault)
    {
        fault = null;
        if (op.Type == OpType.Invoke)
        {
            if (_open.TryGetValue(op.Process, out var prior) && !op.IsNemesis)
                fault = new HistoryPairingException(position, $"process {op.Process} invoked {op.F} while its operation at position {prior} was still open");
            _open[op.Process] = position;
            return -1;
        }
        if (_open.Remove(op.Process, out var invocation)) return invocation;
        if (!op.IsNemesis)
            fault = new HistoryPairingException(position, $"process {op.Process} completed {op.F} ({op.Type}) with no open invocation");
        return -1;
    }
}
