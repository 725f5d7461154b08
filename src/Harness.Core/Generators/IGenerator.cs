namespace Harness.Core.Generators;

/// <summary>
/// A source of operations, asked one step at a time (after Jepsen's generators). Time and randomness come from
/// the <see cref="GenContext"/>, never from the clock or a global RNG, so the same seed and the same sequence of
/// requests give the same schedule, and a generator can be simulated in a unit test without a cluster.
/// </summary>
public interface IGenerator
{
    /// <summary>What <paramref name="context"/>'s process should do next.</summary>
    GenStep Next(GenContext context);
}

/// <summary>The moment of asking: run time in ns, the asking process, and the run's seeded random source.</summary>
public sealed record GenContext(long TimeNs, int Process, Random Random)
{
    /// <summary>All client processes of the run (for generators that give each process one op).</summary>
    public IReadOnlyList<int> Processes { get; init; } = [];
}

/// <summary>One answer: an operation to invoke now, a request to ask again at <see cref="UntilNs"/>, or done.</summary>
public readonly record struct GenStep(GenStepKind Kind, string F = "", object? Value = null, long UntilNs = 0)
{
    public static GenStep Invoke(string f, object? value) => new(GenStepKind.Invoke, f, value);
    public static GenStep Wait(long untilNs) => new(GenStepKind.Wait, UntilNs: untilNs);
    public static readonly GenStep Done = new(GenStepKind.Done);
}

public enum GenStepKind
{
    Invoke,
    Wait,
    Done,
}
