namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A lock: acquire succeeds only when free, release only when held (state 0 free, 1 held).</summary>
internal sealed class MutexModel : IModel
{
    private const int Acquire = 0, Release = 1;

    public MutexModel(object? initial) =>
        Initial = initial is true || (Harness.Core.History.ValueText.TryLong(initial, out var l) && l != 0) ? 1 : 0;

    public string Name => "mutex";

    public int Initial { get; }

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        error = null;
        op = new ModelOp(f is "acquire" or "lock" ? Acquire : Release, 0, 0, 0, outputKnown);
        if (f is "acquire" or "lock" or "release" or "unlock") return true;
        error = $"the mutex model knows acquire and release, not {f}";
        return false;
    }

    public bool IsReadOnly(in ModelOp op) => false;

    public int Step(int state, in ModelOp op) => op.Code == Acquire ? (state == 0 ? 1 : -1) : (state == 1 ? 0 : -1);

    public string DescribeState(int state) => state == 0 ? "free" : "held";

    public string WhyIllegal(int state, in ModelOp op) =>
        op.Code == Acquire ? "the lock is already held" : "the lock is not held";
}
