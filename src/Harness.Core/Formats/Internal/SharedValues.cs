using System.Text;

namespace Harness.Core.Formats.Internal;

/// <summary>
/// The values a history reader hands out, shared between the operations that carry them: short strings (up to 7
/// UTF-8 bytes, e.g. <c>"r"</c>, <c>"append"</c>, <c>"txn"</c>) are interned by their bytes, and boxed integers are
/// shared with a recent equal one. A list-append history reads each appended value many times, and one string or
/// box per read element would be most of the history's memory. Used by both elle-cli JSON readers.
/// </summary>
internal sealed class SharedValues
{
    private readonly Dictionary<ulong, string> _shortStrings = [];
    private readonly object?[] _boxes = new object?[1 << 14];

    /// <summary>The string of these UTF-8 bytes, the same instance as the last time for a short one.</summary>
    public string String(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 7) return Encoding.UTF8.GetString(utf8);
        ulong key = (ulong)utf8.Length << 56;
        for (var i = 0; i < utf8.Length; i++) key |= (ulong)utf8[i] << (8 * i);
        if (_shortStrings.TryGetValue(key, out var s)) return s;
        s = Encoding.UTF8.GetString(utf8);
        _shortStrings[key] = s;
        return s;
    }

    /// <summary>The boxed integer, shared with a recent equal one.</summary>
    public object Long(long value)
    {
        ref var slot = ref _boxes[(int)(value & (_boxes.Length - 1))];
        if (slot is long held && held == value) return slot;
        return slot = value;
    }
}
