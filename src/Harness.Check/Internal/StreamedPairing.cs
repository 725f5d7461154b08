using Harness.Core.History;

namespace Harness.Check.Internal;

/// <summary>
/// What <see cref="History.Of"/> and <see cref="CheckCounts.Of"/> learn from a whole history, learned from the
/// operations as they stream past: whether invocations and completions pair (the first fault, with the message and
/// position <c>History.Of</c> would give; it is kept, not thrown, so that an error of the file further on wins as it
/// does when the file is read whole), and the counts of client operations, ok and fail completions and fault windows.
/// Holds the open invocations' positions and the nemesis's entries only.
/// </summary>
internal sealed class StreamedPairing
{
    private readonly Dictionary<int, int> _open = new();
    private readonly List<Op> _nemesis = new();
    private int _position, _operations, _ok, _fail;

    /// <summary>The first pairing fault, or null while the stream pairs.</summary>
    public HistoryPairingException? Fault { get; private set; }

    public void Add(Op op)
    {
        var i = _position++;
        if (op.IsNemesis) _nemesis.Add(op);
        if (op.Type == OpType.Invoke)
        {
            if (_open.TryGetValue(op.Process, out var prior) && !op.IsNemesis)
                Fault ??= new HistoryPairingException(i, $"process {op.Process} invoked {op.F} while its operation at position {prior} was still open");
            _open[op.Process] = i;
            if (!op.IsNemesis) _operations++;
        }
        else if (_open.Remove(op.Process))
        {
            if (op.IsNemesis) return;
            if (op.IsOk) _ok++;
            else if (op.IsFail) _fail++;
        }
        else if (!op.IsNemesis)
        {
            Fault ??= new HistoryPairingException(i, $"process {op.Process} completed {op.F} ({op.Type}) with no open invocation");
        }
    }

    public CheckCounts Counts() => new(_operations, _ok, _fail, FaultWindow.From(_nemesis).Count);
}
