namespace Harness.Checkers.Linearizability.Internal;

/// <summary>One key of a key-value store (the per-key part of the kv model): get, put and append, where
/// append concatenates strings. The state is the id of the string held. Appends are memoised so the search
/// builds each concatenation once.</summary>
internal sealed class KvCellModel : IModel
{
    internal const int Get = 0, Put = 1, Append = 2;
    private readonly ValueInterner _values = new();
    private readonly Dictionary<long, int> _appends = [];

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
        op = code == Get
            ? new ModelOp(Get, 0, 0, outputKnown ? _values.Id(output) : 0, outputKnown)
            : new ModelOp(code, _values.Id(input), 0, 0, outputKnown);
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
        if (_appends.TryGetValue(key, out var id)) return id;
        id = _values.Id(KvOps.Text(_values.Value(state)) + KvOps.Text(_values.Value(suffix)));
        _appends[key] = id;
        return id;
    }

    public string DescribeState(int state) => _values.Text(state);

    public string WhyIllegal(int state, in ModelOp op) =>
        $"the key holds {_values.Text(state)} but the get returned {_values.Text(op.Out)}";
}
