using Harness.Core.History;

namespace Harness.Checkers.Sets.Internal;

/// <summary>An Ok read of the whole set made after every add was invoked, with the node it read and what it saw.</summary>
internal sealed record FinalRead(int InvokePosition, Op Invoke, int CompletionPosition, Op Completion, HashSet<long> Elements)
{
    public string Node => Completion.Node ?? Invoke.Node ?? $"process {Invoke.Process}";

    public IEnumerable<long> OpIndices() => [Invoke.Index, Completion.Index];
}
