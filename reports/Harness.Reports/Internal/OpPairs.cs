using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// Invocation/completion pairing that never throws, for drawing: a completion belongs to the latest open
/// invocation of its process, and a stray entry is simply left unpaired. (Checkers use the strict
/// <see cref="History"/> pairing; a report must still render a history that breaks the rules.)
/// Also maps an op's <see cref="Op.Index"/> to its position, since anomalies name ops by index; an index equal to its
/// position (as in every history the harness writes) is found without a table, so only the others are held.
/// </summary>
internal sealed class OpPairs
{
    private readonly IReadOnlyList<Op> _ops;
    private readonly int[] _partner;
    private readonly Dictionary<long, int> _positionOfIndex;

    private OpPairs(IReadOnlyList<Op> ops, int[] partner, Dictionary<long, int> positionOfIndex)
    {
        _ops = ops;
        _partner = partner;
        _positionOfIndex = positionOfIndex;
    }

    public static OpPairs Of(IReadOnlyList<Op> ops)
    {
        var partner = new int[ops.Count];
        Array.Fill(partner, -1);
        var open = new Dictionary<int, int>();
        var positions = new Dictionary<long, int>();
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (op.Index != i) positions.TryAdd(op.Index, i);
            if (op.IsInvoke) open[op.Process] = i;
            else if (open.Remove(op.Process, out var inv))
            {
                partner[i] = inv;
                partner[inv] = i;
            }
        }
        return new OpPairs(ops, partner, positions);
    }

    /// <summary>The other half of the pair at <paramref name="position"/>, or -1.</summary>
    public int PartnerOf(int position) => _partner[position];

    /// <summary>Position of the op whose <see cref="Op.Index"/> is <paramref name="index"/>, or -1.</summary>
    public int PositionOf(long index)
    {
        var own = index >= 0 && index < _ops.Count && _ops[(int)index].Index == index ? (int)index : int.MaxValue;
        var other = _positionOfIndex.TryGetValue(index, out var p) ? p : int.MaxValue;
        var first = Math.Min(own, other); // the first op carrying that index, as a scan would find
        return first == int.MaxValue ? -1 : first;
    }
}
