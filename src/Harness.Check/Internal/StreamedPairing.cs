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
    private readonly PairingCursor _cursor = new();
    private readonly List<Op> _nemesis = new();
    private int _position, _operations, _ok, _fail;

    /// <summary>The first pairing fault, or null while the stream pairs.</summary>
    public HistoryPairingException? Fault { get; private set; }

    public void Add(Op op)
    {
        var completes = _cursor.Add(op, _position++, out var fault);
        Fault ??= fault;
        if (op.IsNemesis)
        {
            _nemesis.Add(op);
            return;
        }
        if (op.Type == OpType.Invoke) _operations++;
        else if (completes >= 0 && op.IsOk) _ok++;
        else if (completes >= 0 && op.IsFail) _fail++;
    }

    public CheckCounts Counts() => new(_operations, _ok, _fail, FaultWindow.From(_nemesis).Count);
}
