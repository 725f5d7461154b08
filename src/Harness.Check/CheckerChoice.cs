using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Testing;

namespace Harness.Check;

/// <summary>Which checker <c>harness check</c> uses: a linearizability model named with --model, a workload's
/// checker named with --workload, or else the checker of the run's own workload (from its test.json). For the run's
/// own workload, the checkers its database's capabilities add (e.g. the leaderless checkers on Swift, which read
/// <c>convergence.jsonl</c> beside the history) join it exactly as in <c>harness run</c>, so a re-check gives the
/// same checker set and verdict as the run's results.json.</summary>
public static class CheckerChoice
{
    public static (IChecker Checker, IReadOnlyDictionary<string, string> Options, string Label) Choose(ICheckHost host, string? model, string? workload,
        TestSpec? test, string? runDirectory = null)
    {
        if (model is not null)
            return (new LinearizabilityChecker(), new Dictionary<string, string> { ["model"] = model }, model);
        workload ??= test?.Workload ?? throw new UsageException($"say which checker to use: --model (linearizability) or --workload ({Names(host)})");
        var module = host.Workload(workload) ?? throw new UsageException($"--workload must be one of {Names(host)} (got '{workload}')");
        var spec = test is not null && test.Workload == workload ? test : new TestSpec { Workload = workload };
        spec = spec with { WorkloadOptions = spec.WorkloadOptions.Resolve(module.Options, "workload " + workload) };
        var checker = module.Checker(spec);
        if (test is not null && test.Workload == workload && runDirectory is not null)
            checker = host.WithDatabaseCheckers(spec, checker, runDirectory);
        return (checker, module.CheckerOptions(spec), workload);
    }

    private static string Names(ICheckHost host) => string.Join(", ", host.Workloads.Select(w => w.Name));
}
