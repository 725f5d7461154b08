using Harness.Core.History;

namespace Harness.Checkers.Sets.Internal;

/// <summary>One attempted add of an element: its invocation and completion (null while open), with history positions.</summary>
internal sealed record SetAdd(long Element, int InvokePosition, Op Invoke, int CompletionPosition, Op? Completion)
{
    public OpType Outcome => Completion?.Type ?? OpType.Info;

    public bool IsAcknowledged => Completion is { Type: OpType.Ok };

    public bool IsOpen => Completion is null;

    /// <summary>When the add was acknowledged (or otherwise completed); the invocation time while open.</summary>
    public long CompletionTime => Completion?.Time ?? Invoke.Time;

    public string Node => Completion?.Node ?? Invoke.Node ?? $"process {Invoke.Process}";

    /// <summary>How sure an add is that it happened: Ok beats unknown (Info, open) beats Fail.</summary>
    public int Strength => Outcome switch
    {
        OpType.Ok => 2,
        OpType.Fail => 0,
        _ => 1,
    };

    public IEnumerable<long> OpIndices() =>
        Completion is null ? [Invoke.Index] : [Invoke.Index, Completion.Index];
}
