using Harness.Checkers.Linearizability;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;

namespace Harness.Cli.Catalog;

/// <summary>Which checker <c>harness check</c> uses: a linearizability model named with --model, a registered
/// workload's checker named with --workload, or else the checker of the run's own workload (from its test.json).</summary>
internal static class CheckerChoice
{
    public static IReadOnlyList<string> WorkloadNames => HarnessModules.Registry.Workloads.Select(w => w.Name).ToList();

    public static (IChecker Checker, IReadOnlyDictionary<string, string> Options, string Label) Choose(string? model, string? workload, TestSpec? test)
    {
        if (model is not null)
            return (new LinearizabilityChecker(), new Dictionary<string, string> { ["model"] = model }, model);
        workload ??= test?.Workload ?? throw new UsageException($"say which checker to use: --model (linearizability) or --workload ({string.Join(", ", WorkloadNames)})");
        var module = HarnessModules.Registry.Workloads.FirstOrDefault(w => w.Name == workload)
            ?? throw new UsageException($"--workload must be one of {string.Join(", ", WorkloadNames)} (got '{workload}')");
        var spec = test is not null && test.Workload == workload ? test : new TestSpec { Workload = workload };
        spec = spec with { WorkloadOptions = spec.WorkloadOptions.Resolve(module.Options, "workload " + workload) };
        return (module.Checker(spec), module.CheckerOptions(spec), workload);
    }
}
