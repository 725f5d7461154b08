using Harness.Core.Generators;

namespace Harness.Runner.Internal;

/// <summary>One generator shared by all client workers, asked under a lock with the run's seeded random source,
/// so the sequence of operations handed out depends only on the seed and the order of requests.</summary>
internal sealed class SharedGenerator(IGenerator inner, Random random)
{
    private readonly object _gate = new();
    private readonly SortedSet<int> _processes = [];
    private int[] _snapshot = []; // rebuilt only when a process joins or retires, not on every request

    public void Join(int process)
    {
        lock (_gate)
        {
            _processes.Add(process);
            _snapshot = _processes.ToArray();
        }
    }

    public void Replace(int retired, int fresh)
    {
        lock (_gate)
        {
            _processes.Remove(retired);
            _processes.Add(fresh);
            _snapshot = _processes.ToArray();
        }
    }

    public GenStep Next(long nowNs, int process)
    {
        lock (_gate)
            return inner.Next(new GenContext(nowNs, process, random) { Processes = _snapshot });
    }
}
