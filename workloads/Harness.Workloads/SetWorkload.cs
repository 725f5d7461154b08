using Harness.Checkers.Stats;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads;

/// <summary><b>set</b>: unique adds during the run, then a final read by every process on its own node; checked
/// for lost (acknowledged but missing), divergent, unexpected and recovered elements.</summary>
public sealed class SetWorkload : IWorkloadModule
{
    public string Name => "set";
    public string Summary => "unique adds, then a final read on every node; lost, divergent and unexpected elements";
    public IReadOnlyList<OptionDef> Options { get; } = [];

    public IGenerator Generator(TestSpec test)
    {
        long next = 0;
        return Gen.Repeat(_ => GenStep.Invoke("add", next++));
    }

    public IGenerator? FinalGenerator(TestSpec test) => Gen.EachProcess(() => Gen.Once("read", null));

    public IChecker Checker(TestSpec test) => CheckerFor();

    public static IChecker CheckerFor() => new CompositeChecker("set-workload", [new Checkers.Sets.SetChecker(), new StatsChecker()]);

    public IReadOnlyDictionary<string, string> CheckerOptions(TestSpec test) => new Dictionary<string, string>();
}
