using Harness.Core.History;

namespace Harness.Runner.Internal;

/// <summary>Thread-safe completion counts and the current fault, for the progress display.</summary>
internal sealed class OpCounters
{
    private int _ok, _fail, _info;
    private volatile string? _fault;

    public void Count(OpType type)
    {
        switch (type)
        {
            case OpType.Ok: Interlocked.Increment(ref _ok); break;
            case OpType.Fail: Interlocked.Increment(ref _fail); break;
            case OpType.Info: Interlocked.Increment(ref _info); break;
        }
    }

    public string? Fault
    {
        get => _fault;
        set => _fault = value;
    }

    public RunProgress Progress(string phase, TimeSpan elapsed) => new(phase, elapsed, _ok, _fail, _info, _fault);
}
