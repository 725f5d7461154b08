using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Numbers operation values by structural equality (<see cref="ValueText"/>): equal values get the
/// same id. Id 0 is null.</summary>
internal sealed class ValueInterner
{
    private readonly Dictionary<object, int> _ids = new(StructuralComparer.Instance);
    private readonly List<object?> _values = [null];

    public int Id(object? value)
    {
        if (value is null) return 0;
        if (_ids.TryGetValue(value, out var id)) return id;
        id = _values.Count;
        _values.Add(value);
        _ids[value] = id;
        return id;
    }

    public object? Value(int id) => _values[id];

    public string Text(int id) => ValueText.Format(_values[id]);

    private sealed class StructuralComparer : IEqualityComparer<object>
    {
        public static readonly StructuralComparer Instance = new();

        public new bool Equals(object? x, object? y) => ValueText.Equals(x, y);

        public int GetHashCode(object obj) => ValueText.Hash(obj);
    }
}
