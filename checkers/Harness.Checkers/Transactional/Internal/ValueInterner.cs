using Harness.Core.History;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Maps keys or values to dense ints so the analysis works on arrays. Integers (the common case) take a fast
/// path; anything else compares structurally (<see cref="ValueText.Equals(object?, object?)"/>). Null maps to
/// <see cref="Nil"/>.
/// </summary>
internal sealed class ValueInterner
{
    public const int Nil = -1;

    private readonly Dictionary<long, int> _longs = new();
    private readonly Dictionary<object, int> _others = new(StructuralComparer.Instance);
    private readonly List<object?> _values = new();

    public int Count => _values.Count;

    public int Intern(object? value)
    {
        if (value is null) return Nil;
        if (ValueText.TryLong(value, out var l))
        {
            if (_longs.TryGetValue(l, out var id)) return id;
            _longs[l] = id = _values.Count;
            _values.Add(l);
            return id;
        }
        if (_others.TryGetValue(value, out var other)) return other;
        _others[value] = other = _values.Count;
        _values.Add(value);
        return other;
    }

    public object? ValueOf(int id) => id < 0 ? null : _values[id];

    public string Text(int id) => ValueText.Format(ValueOf(id));

    private sealed class StructuralComparer : IEqualityComparer<object>
    {
        public static readonly StructuralComparer Instance = new();

        public new bool Equals(object? x, object? y) => ValueText.Equals(x, y);

        public int GetHashCode(object obj) => ValueText.Hash(obj);
    }
}
