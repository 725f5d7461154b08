namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Numbers integer sequences by content, for models whose state is a collection (a set, a queue,
/// a map from key ids to value ids). Id 0 is the empty sequence.</summary>
internal sealed class ArrayInterner
{
    private readonly Dictionary<int[], int> _ids = new(SequenceComparer.Instance);
    private readonly List<int[]> _arrays = [];

    public ArrayInterner() => Id([]);

    public int Id(int[] items)
    {
        if (_ids.TryGetValue(items, out var id)) return id;
        id = _arrays.Count;
        _arrays.Add(items);
        _ids[items] = id;
        return id;
    }

    public int[] Items(int id) => _arrays[id];

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return h.ToHashCode();
        }
    }
}
