using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>An Ok read of a register and the value it returned.</summary>
internal sealed record RegisterRead(object? Value, Op Invoke, Op Completion)
{
    public string Node => Completion.Node ?? Invoke.Node ?? $"process {Invoke.Process}";

    public IEnumerable<long> OpIndices() => [Invoke.Index, Completion.Index];
}
