using System.Text;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>The whole key-value store as one state (the kv model without per-key splitting): operations carry
/// [key, value]; the state is an interned array of value ids indexed by key id (a missing slot holds the
/// initial value). Every operation touches one key, so the model is a product over keys (<see cref="IProductModel"/>):
/// the checker decides an unsplit history one key's projection at a time unless told to search it as one (much
/// slower, kept to compare with Porcupine's kv model without partitioning).</summary>
internal sealed class KvMapModel : IModel, IProductModel
{
    private readonly ValueInterner _keys = new();
    private readonly KvCellModel _cell;
    private readonly ArrayInterner _maps = new();
    private readonly PairTable _pairs = new(), _transitions = new();
    private readonly int _initialValue;
    private int _pairCount;

    public KvMapModel(object? initial)
    {
        _cell = new KvCellModel(initial);
        _initialValue = _cell.Initial;
    }

    public string Name => "kv";

    public int Initial => 0;

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        op = default;
        if (input is not IReadOnlyList<object?> { Count: 2 } pair)
        {
            error = $"an unsplit kv operation carries [key value], not {Harness.Core.History.ValueText.Format(input)}";
            return false;
        }
        var outValue = output is IReadOnlyList<object?> { Count: 2 } o ? o[1] : null;
        if (!_cell.TryEncode(f, pair[1], outValue, outputKnown, out var inner, out error)) return false;
        op = inner with { B = _keys.Id(pair[0]) };
        return true;
    }

    public bool IsReadOnly(in ModelOp op) => op.Code == KvCellModel.Get;

    public int Component(in ModelOp op) => op.B;

    public int Step(int state, in ModelOp op)
    {
        var map = _maps.Items(state);
        var key = op.B;
        var current = key < map.Length ? map[key] : _initialValue;
        var next = _cell.Step(current, op);
        if (next < 0) return -1;
        if (next == current) return state;
        // Transitions are memoised: (state, (key, new value)) -> state, so a search that meets a map again does not
        // copy and hash it again.
        var pairKey = ((long)key << 32) | (uint)next;
        var pair = _pairs.Get(pairKey);
        if (pair < 0) _pairs.Add(pairKey, pair = _pairCount++);
        var transition = ((long)state << 32) | (uint)pair;
        var known = _transitions.Get(transition);
        if (known >= 0) return known;
        var copy = new int[Math.Max(map.Length, key + 1)];
        map.CopyTo(copy, 0);
        for (var i = map.Length; i < copy.Length; i++) copy[i] = _initialValue;
        copy[key] = next;
        var id = _maps.Id(copy);
        _transitions.Add(transition, id);
        return id;
    }

    public string DescribeState(int state)
    {
        var map = _maps.Items(state);
        var sb = new StringBuilder("{");
        for (var k = 1; k < map.Length; k++)
        {
            if (map[k] == _initialValue) continue;
            if (sb.Length > 1) sb.Append(", ");
            sb.Append(_keys.Text(k)).Append(' ').Append(_cell.DescribeState(map[k]));
        }
        return sb.Append('}').ToString();
    }

    public string WhyIllegal(int state, in ModelOp op)
    {
        var map = _maps.Items(state);
        var current = op.B < map.Length ? map[op.B] : _initialValue;
        return $"key {_keys.Text(op.B)} holds {_cell.DescribeState(current)} but the get returned {_cell.DescribeState(op.Out)}";
    }
}
