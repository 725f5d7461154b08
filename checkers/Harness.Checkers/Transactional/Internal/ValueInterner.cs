using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Maps keys or values to dense ints so the analysis works on arrays. Integers (the common case) take a fast
/// path and are held unboxed (a long per id); anything else compares structurally
/// (<see cref="ValueText.Equals(object?, object?)"/>). Null maps to <see cref="Nil"/>.
/// </summary>
internal sealed class ValueInterner
{
    public const int Nil = -1;

    private Dictionary<long, int> _longs = new();
    private readonly Dictionary<object, int> _others = new(StructuralComparer.Instance);
    private readonly Dictionary<int, object> _objectOf = new();
    private long[] _long = new long[16];

    public int Count { get; private set; }

    /// <summary>Makes room for about <paramref name="count"/> integers up front (no rehashing as they arrive).</summary>
    public void Reserve(int count)
    {
        if (Count > 0 || count <= 16) return;
        _longs = new Dictionary<long, int>(count);
        _long = new long[count];
    }

    public int Intern(object? value)
    {
        if (value is null) return Nil;
        if (ValueText.TryLong(value, out var l)) return InternLong(l);
        if (_others.TryGetValue(value, out var other)) return other;
        _others[value] = other = NewId(0);
        _objectOf[other] = value;
        return other;
    }

    public int InternLong(long l)
    {
        if (_longs.TryGetValue(l, out var id)) return id;
        _longs[l] = id = NewId(l);
        return id;
    }

    private int NewId(long l)
    {
        if (Count == _long.Length) Array.Resize(ref _long, Count * 2);
        _long[Count] = l;
        return Count++;
    }

    public object? ValueOf(int id) => id < 0 ? null : _objectOf.TryGetValue(id, out var o) ? o : _long[id];

    public string Text(int id) => ValueText.Format(ValueOf(id));

    /// <summary>Renumbers every id: id <c>i</c> becomes <c>map[i]</c> (a permutation of 0 .. Count - 1).</summary>
    public void Permute(int[] map)
    {
        var longs = new long[_long.Length];
        for (var i = 0; i < Count; i++) longs[map[i]] = _long[i];
        _long = longs;
        foreach (var key in _longs.Keys.ToList()) _longs[key] = map[_longs[key]];
        foreach (var key in _others.Keys.ToList()) _others[key] = map[_others[key]];
        var objects = _objectOf.ToList();
        _objectOf.Clear();
        foreach (var (id, value) in objects) _objectOf[map[id]] = value;
    }

    private sealed class StructuralComparer : IEqualityComparer<object>
    {
        public static readonly StructuralComparer Instance = new();

        public new bool Equals(object? x, object? y) => ValueText.Equals(x, y);

        public int GetHashCode(object obj) => ValueText.Hash(obj);
    }
}
