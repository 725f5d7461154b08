using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>Structural equality of operation values (an int equals the same long, lists by elements), for dictionaries.</summary>
internal sealed class ValueComparer : IEqualityComparer<object>
{
    public static ValueComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ValueText.Equals(x, y);

    public int GetHashCode(object obj) => ValueText.Hash(obj);
}
