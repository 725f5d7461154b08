using System.Collections;
using System.Globalization;
using System.Text;

namespace Harness.Core.History;

/// <summary>Equality, hashing and compact text for operation values (see <see cref="Op.Value"/>).</summary>
public static class ValueText
{
    /// <summary>Jepsen-like text: nil, 3, "s", [1 2], {"k" 1}.</summary>
    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("nil"); break;
            case string s: sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case long l: sb.Append(l.ToString(CultureInfo.InvariantCulture)); break;
            case int i: sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d: sb.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case Keyword k: sb.Append(':').Append(k.Name); break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.Append('"').Append(k).Append("\" ");
                    Append(sb, v);
                }
                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(' ');
                    firstItem = false;
                    Append(sb, item);
                }
                sb.Append(']');
                break;
            default: sb.Append(value); break;
        }
    }

    /// <summary>Structural equality: numbers compare by value (an int equals the same long), lists by elements.</summary>
    public static new bool Equals(object? a, object? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        if (TryLong(a, out var la) && TryLong(b, out var lb)) return la == lb;
        if (a is IReadOnlyList<object?> xa && b is IReadOnlyList<object?> xb)
        {
            if (xa.Count != xb.Count) return false;
            for (var i = 0; i < xa.Count; i++)
                if (!Equals(xa[i], xb[i])) return false;
            return true;
        }
        if (a is IReadOnlyDictionary<string, object?> ma && b is IReadOnlyDictionary<string, object?> mb)
        {
            if (ma.Count != mb.Count) return false;
            foreach (var (k, v) in ma)
                if (!mb.TryGetValue(k, out var w) || !Equals(v, w)) return false;
            return true;
        }
        return a.Equals(b);
    }

    public static int Hash(object? value)
    {
        switch (value)
        {
            case null: return 0;
            case IReadOnlyList<object?> list:
                var h = new HashCode();
                foreach (var item in list) h.Add(Hash(item));
                return h.ToHashCode();
            default:
                return TryLong(value, out var l) ? l.GetHashCode() : value.GetHashCode();
        }
    }

    public static bool TryLong(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            default: result = 0; return false;
        }
    }
}
