using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Several registers changed atomically (Knossos's multi-register): an operation carries a list of
/// micro-ops [f key value] with f r/read or w/write, applied in order; a read must see the current value.
/// The state is an interned array of value ids indexed by key id.</summary>
internal sealed class MultiRegisterModel : IModel
{
    private readonly ValueInterner _keys = new();
    private readonly ValueInterner _values = new();
    private readonly ArrayInterner _maps = new();
    private readonly List<(bool Write, int Key, int Value)[]> _payloads = [];
    private readonly int _initialValue;

    public MultiRegisterModel(object? initial) => _initialValue = _values.Id(initial);

    public string Name => "multi-register";

    public int Initial => 0;

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        op = default;
        error = null;
        var source = outputKnown && output is IReadOnlyList<object?> ? output : input;
        if (source is not IReadOnlyList<object?> micro || micro.Any(m => m is not IReadOnlyList<object?> { Count: 3 }))
        {
            error = $"a multi-register operation carries a list of [f key value], not {ValueText.Format(source)}";
            return false;
        }
        var payload = new (bool, int, int)[micro.Count];
        for (var i = 0; i < micro.Count; i++)
        {
            var m = (IReadOnlyList<object?>)micro[i]!;
            var name = m[0] is Keyword k ? k.Name : m[0] as string;
            if (name is not ("r" or "read" or "w" or "write"))
            {
                error = $"a multi-register micro-op is r or w, not {ValueText.Format(m[0])}";
                return false;
            }
            payload[i] = (name is "w" or "write", _keys.Id(m[1]), _values.Id(m[2]));
        }
        op = new ModelOp(0, _payloads.Count, 0, 0, outputKnown);
        _payloads.Add(payload);
        return true;
    }

    public bool IsReadOnly(in ModelOp op) => _payloads[op.A].All(m => !m.Write);

    public int Step(int state, in ModelOp op)
    {
        var map = _maps.Items(state);
        int[]? copy = null;
        foreach (var (write, key, value) in _payloads[op.A])
        {
            var current = copy ?? map;
            var held = key < current.Length ? current[key] : _initialValue;
            if (!write)
            {
                if (op.Known && held != value) return -1;
                continue;
            }
            if (held == value) continue;
            copy ??= map;
            copy = Widen(copy, key);
            copy[key] = value;
        }
        return copy is null ? state : _maps.Id(copy);
    }

    private int[] Widen(int[] map, int key)
    {
        var copy = new int[Math.Max(map.Length, key + 1)];
        map.CopyTo(copy, 0);
        for (var i = map.Length; i < copy.Length; i++) copy[i] = _initialValue;
        return copy;
    }

    public string DescribeState(int state)
    {
        var map = _maps.Items(state);
        var parts = Enumerable.Range(1, Math.Max(0, map.Length - 1))
            .Where(k => map[k] != _initialValue)
            .Select(k => _keys.Text(k) + " " + _values.Text(map[k]));
        return "{" + string.Join(", ", parts) + "}";
    }

    public string WhyIllegal(int state, in ModelOp op)
    {
        var map = _maps.Items(state);
        foreach (var (write, key, value) in _payloads[op.A])
        {
            var held = key < map.Length ? map[key] : _initialValue;
            if (!write && held != value)
                return $"register {_keys.Text(key)} holds {_values.Text(held)} but the read saw {_values.Text(value)}";
        }
        return "its reads do not match the registers";
    }
}
