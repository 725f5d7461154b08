using Harness.Checkers.Stats;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Generators;

namespace Harness.Workloads;

/// <summary><b>rw-register</b>: Elle's transactions of register writes (unique per key) and reads, checked for
/// dependency cycles against the test's consistency model. Weaker inference than list-append (a read reveals only
/// the last write), but it is what key-value stores without lists can run.</summary>
public sealed class RwRegisterWorkload : IWorkloadModule
{
    public string Name => "rw-register";
    public string Summary => "Elle's read/write register transactions; dependency cycles against a consistency model";
    public IReadOnlyList<OptionDef> Options { get; } = TransactionalOptions.For("rw-register");

    public IGenerator Generator(TestSpec test) => new ElleTxnGenerator("w",
        (int)test.WorkloadOptions.Integer("active-keys"), (int)test.WorkloadOptions.Integer("max-txn-length"), (int)test.WorkloadOptions.Integer("max-writes-per-key"));

    public IGenerator? FinalGenerator(TestSpec test) => null;

    public IChecker Checker(TestSpec test) => new CompositeChecker("rw-register-workload", [new TransactionalChecker(), new StatsChecker()]);

    public IReadOnlyDictionary<string, string> CheckerOptions(TestSpec test) =>
        new Dictionary<string, string> { ["workload"] = Name, ["consistency-model"] = test.WorkloadOptions.Text("consistency-model") };
}
