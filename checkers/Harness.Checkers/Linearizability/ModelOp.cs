namespace Harness.Checkers.Linearizability;

/// <summary>An operation as a model encoded it: an operation code and up to three interned operands
/// (<see cref="Out"/> is the observed output, meaningful only when <see cref="Known"/>).</summary>
public readonly record struct ModelOp(int Code, int A, int B, int Out, bool Known);
