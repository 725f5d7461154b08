using Harness.Checkers.Stats;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Generators;

namespace Harness.Workloads;

/// <summary><b>list-append</b>: Elle's transactions of appends and reads on a few hot keys, checked for dependency
/// cycles and other anomalies against the test's consistency model.</summary>
public sealed class ListAppendWorkload : IWorkloadModule
{
    public string Name => "list-append";
    public string Summary => "Elle's list-append transactions; dependency cycles (G0 ... G2) against a consistency model";
    public IReadOnlyList<OptionDef> Options { get; } = TransactionalOptions.For("list-append");

    public IGenerator Generator(TestSpec test) => new ElleTxnGenerator("append",
        (int)test.WorkloadOptions.Integer("active-keys"), (int)test.WorkloadOptions.Integer("max-txn-length"), (int)test.WorkloadOptions.Integer("max-writes-per-key"));

    public IGenerator? FinalGenerator(TestSpec test) => null;

    public IChecker Checker(TestSpec test) => CheckerFor();

    public static IChecker CheckerFor() => new CompositeChecker("list-append-workload", [new TransactionalChecker(), new StatsChecker()]);

    public IReadOnlyDictionary<string, string> CheckerOptions(TestSpec test) =>
        new Dictionary<string, string> { ["workload"] = Name, ["consistency-model"] = test.WorkloadOptions.Text("consistency-model") };
}
