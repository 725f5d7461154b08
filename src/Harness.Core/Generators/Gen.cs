namespace Harness.Core.Generators;

/// <summary>Combinators for building schedules: <c>Gen.TimeLimit(60s, Gen.Stagger(rate, Gen.Mix(reads, writes)))</c>.</summary>
public static class Gen
{
    /// <summary>An endless stream built by a function of the context.</summary>
    public static IGenerator Repeat(Func<GenContext, GenStep> step) => new FnGenerator(step);

    /// <summary>A single operation, then done.</summary>
    public static IGenerator Once(string f, object? value) => new OnceGenerator(GenStep.Invoke(f, value));

    /// <summary>Picks one of the generators uniformly at random for each operation.</summary>
    public static IGenerator Mix(params IGenerator[] generators) => new MixGenerator(generators);

    /// <summary>Spaces operations (over all processes) by a random gap in [0, 2/rate) seconds: Jepsen's stagger.</summary>
    public static IGenerator Stagger(double opsPerSecond, IGenerator inner) => new StaggerGenerator(opsPerSecond, inner);

    /// <summary>Done once <paramref name="limit"/> has passed since the first request.</summary>
    public static IGenerator TimeLimit(TimeSpan limit, IGenerator inner) => new TimeLimitGenerator(limit, inner);

    /// <summary>Runs generators one after another, each until it is done.</summary>
    public static IGenerator Phases(params IGenerator[] phases) => new PhasesGenerator(phases);

    /// <summary>Waits <paramref name="duration"/> from the first request, then is done.</summary>
    public static IGenerator Sleep(TimeSpan duration) => new SleepGenerator(duration);

    /// <summary>Repeats the generators made by <paramref name="make"/> forever (a new cycle when one is done).</summary>
    public static IGenerator Cycle(Func<IGenerator> make) => new CycleGenerator(make);

    /// <summary>Gives every process its own copy of a generator (e.g. one final read each).</summary>
    public static IGenerator EachProcess(Func<IGenerator> make) => new EachProcessGenerator(make);

    public static long Ns(TimeSpan t) => (long)(t.TotalMilliseconds * 1_000_000);
}
