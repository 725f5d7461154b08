namespace Harness.Checkers.Linearizability.Internal;

/// <summary>One key of a key-value store (the per-key part of the kv model): get, put and append, where
/// append concatenates strings. The state is the number of the value held (<see cref="TextStates"/>: equal
/// values, equal numbers); appends are memoised so the search makes each concatenation once.</summary>
internal sealed class KvCellModel : IModel
{
    internal const int Get = 0, Put = 1, Append = 2;
    private readonly TextStates _values = new();
    private readonly PairTable _appends = new();

    public KvCellModel(object? initial) => Initial = _values.Id(initial);

    public string Name => "kv";

    public int Initial { get; }

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        error = null;
        op = default;
        var code = KvOps.Code(f);
        if (code < 0)
        {
            error = $"the kv model knows get, put and append, not {f}";
            return false;
        }
        op = code switch
        {
            Get => new ModelOp(Get, 0, 0, outputKnown ? _values.Id(output) : 0, outputKnown),
            Put => new ModelOp(Put, _values.Id(input), 0, 0, outputKnown),
            _ => new ModelOp(Append, _values.Text(KvOps.Text(input)), 0, 0, outputKnown),
        };
        return true;
    }

    public bool IsReadOnly(in ModelOp op) => op.Code == Get;

    public int Step(int state, in ModelOp op) => op.Code switch
    {
        Get => !op.Known || state == op.Out ? state : -1,
        Put => op.A,
        _ => Concat(state, op.A),
    };

    public int Concat(int state, int suffix)
    {
        var key = ((long)state << 32) | (uint)suffix;
        var id = _appends.Get(key);
        if (id >= 0) return id;
        id = _values.Concat(state, suffix);
        _appends.Add(key, id);
        return id;
    }

    public string DescribeState(int state) => _values.Describe(state);

    public string WhyIllegal(int state, in ModelOp op) =>
        $"the key holds {_values.Describe(state)} but the get returned {_values.Describe(op.Out)}";
}
