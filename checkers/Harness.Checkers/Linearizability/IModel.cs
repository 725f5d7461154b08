namespace Harness.Checkers.Linearizability;

/// <summary>
/// A sequential specification: the object a concurrent history should behave like (a register, a queue...).
/// Linearizability asks whether the operations can be put in one order, consistent with real time, in which
/// every step is legal for this object. The search calls <see cref="Step"/> millions of times, so a model works
/// on compact integers: it encodes each operation once into a <see cref="ModelOp"/> and numbers its states, so
/// that equal states get the same number (interning). State equality and hashing are then integer comparisons.
/// An instance is used by one search at a time; create one per history (or per key) from <see cref="ModelCatalog"/>.
/// </summary>
public interface IModel
{
    string Name { get; }

    /// <summary>The number of the starting state.</summary>
    int Initial { get; }

    /// <summary>Encodes an operation <paramref name="f"/> invoked with <paramref name="input"/>; when
    /// <paramref name="outputKnown"/> it completed Ok with <paramref name="output"/>, otherwise its outcome is
    /// unknown (a crash or time-out). Returns false with a reason for an operation the model does not know.</summary>
    bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error);

    /// <summary>True for an operation that never changes the state (a read): with an unknown outcome it
    /// constrains nothing and the checker drops it.</summary>
    bool IsReadOnly(in ModelOp op);

    /// <summary>The state after <paramref name="op"/>, or -1 if the operation (with its observed output) is not
    /// legal in <paramref name="state"/>. An operation with an unknown output takes its effect if it can.</summary>
    int Step(int state, in ModelOp op);

    /// <summary>Readable text of a state, e.g. <c>3</c> or <c>{"x" "ab"}</c>.</summary>
    string DescribeState(int state);

    /// <summary>Why <paramref name="op"/> cannot be applied in <paramref name="state"/>, as a clause of a sentence.</summary>
    string WhyIllegal(int state, in ModelOp op);
}
