using Harness.Core.Generators;

namespace Harness.Workloads.Generators;

/// <summary>
/// Jepsen's independent-keys concurrency: the client processes are split into groups of <c>threadsPerKey</c>, and
/// each group runs its own generator on its own keys, so every key sees at most that many concurrent operations
/// however many processes the test has (a linearizability search is exponential in the concurrency per key), while
/// several keys are worked on at once. A process keeps its group when it retires after an Info: processes are
/// numbered slot + k * workers, so the slot is the process modulo the worker count.
/// </summary>
public sealed class KeyGroupsGenerator : IGenerator
{
    private readonly int _workers;
    private readonly int _threadsPerKey;
    private readonly IGenerator[] _groups;

    /// <param name="make">Builds the generator of group g of n (e.g. one that owns keys g, g + n, g + 2n, ...).</param>
    public KeyGroupsGenerator(int workers, int threadsPerKey, Func<int, int, IGenerator> make)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threadsPerKey, 1);
        _workers = workers;
        _threadsPerKey = threadsPerKey;
        var count = Groups(workers, threadsPerKey);
        _groups = Enumerable.Range(0, count).Select(g => make(g, count)).ToArray();
    }

    /// <summary>How many key groups <paramref name="workers"/> processes form.</summary>
    public static int Groups(int workers, int threadsPerKey) => (workers + threadsPerKey - 1) / threadsPerKey;

    /// <summary>The group of a process.</summary>
    public int GroupOf(int process) => process % _workers / _threadsPerKey;

    public GenStep Next(GenContext context) => _groups[GroupOf(context.Process)].Next(context);
}
