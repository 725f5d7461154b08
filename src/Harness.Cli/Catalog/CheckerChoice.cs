using Harness.Checkers.Linearizability;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Workloads;

namespace Harness.Cli.Catalog;

/// <summary>Which checker <c>harness check</c> uses: a linearizability model named with --model, a workload's
/// checker named with --workload, or else the checker of the run's own workload (from its test.json).</summary>
public static class CheckerChoice
{
    public static (IChecker Checker, IReadOnlyDictionary<string, string> Options, string Label) Choose(string? model, string? workload, TestSpec? test)
    {
        if (model is not null)
            return (new LinearizabilityChecker(), new Dictionary<string, string> { ["model"] = model }, model);
        workload ??= test?.Workload ?? throw new UsageException("say which checker to use: --model (linearizability) or --workload (list-append, rw-register, register, set)");
        return workload switch
        {
            "register" => (WorkloadDefinitions.RegisterChecker(), WorkloadDefinitions.RegisterCheckerOptions, "register"),
            "set" => (WorkloadDefinitions.SetChecker(), new Dictionary<string, string>(), "set"),
            "list-append" or "rw-register" => (new TransactionalChecker(), TransactionalOptions(workload, test), workload),
            _ => throw new UsageException($"--workload must be list-append, rw-register, register or set (got '{workload}')"),
        };
    }

    private static Dictionary<string, string> TransactionalOptions(string workload, TestSpec? test)
    {
        var options = new Dictionary<string, string> { ["workload"] = workload };
        if (test is not null) options["consistency-model"] = test.ConsistencyModel;
        return options;
    }
}
