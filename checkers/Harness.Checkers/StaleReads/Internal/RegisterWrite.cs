using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>An operation that may have stored <see cref="Value"/> in a register: a write, or a cas whose new value it is.
/// <see cref="Completion"/> is null while the operation is open.</summary>
internal sealed record RegisterWrite(object? Value, Op Invoke, Op? Completion)
{
    public bool IsOk => Completion is { Type: OpType.Ok };

    public bool IsFail => Completion is { Type: OpType.Fail };

    /// <summary>"write 5" or "cas 4->5", as a sentence names it.</summary>
    public string Describe() => Invoke.F == "cas" && CasOld(Invoke.Value) is var (found, old) && found
        ? $"cas {ValueText.Format(old)}->{ValueText.Format(Value)}"
        : $"write {ValueText.Format(Value)}";

    public IEnumerable<long> OpIndices() => Completion is null ? [Invoke.Index] : [Invoke.Index, Completion.Index];

    private static (bool, object?) CasOld(object? value) => value switch
    {
        IReadOnlyList<object?> { Count: 2 } l when l[1] is IReadOnlyList<object?> { Count: 2 } inner => (true, inner[0]),
        IReadOnlyList<object?> { Count: 2 } l => (true, l[0]),
        _ => (false, null),
    };
}
