using Harness.Checkers.Linearizability;
using Harness.Checkers.Sessions;
using Harness.Checkers.StaleReads;
using Harness.Checkers.Stats;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Generators;

namespace Harness.Workloads;

/// <summary>
/// <b>register</b>: read / write / cas on independent keys (values <c>[key, v]</c>, unique writes per key), processes in groups
/// of <c>threads-per-key</c> with a key sequence each, checked
/// for linearizability per key against a register that starts absent, with stale-read witnesses.
/// </summary>
public sealed class RegisterWorkload : IWorkloadModule
{
    public string Name => "register";
    public string Summary => "read / write / compare-and-set on independent keys; linearizability per key, stale reads";
    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Integer("ops-per-key", "Register workload: operations per key before a fresh key", 60, 1, 1_000_000),
        OptionDef.Integer("threads-per-key", "Register workload: processes that share a key (Jepsen's independent keys); more processes work on more keys at once", 5, 1, 1_000),
        OptionDef.Integer("read-percent", "Register workload: share of operations that are reads, in steps of 10 (the rest writes, and cas if enabled)", 40, 0, 100),
        OptionDef.Flag("cas", "Register workload: issue compare-and-set operations (off for stores without one, e.g. swift)", true),
    ];

    /// <summary>Keys are independent registers that start absent, compared and set.</summary>
    public static IReadOnlyDictionary<string, string> CheckerSettings { get; } =
        new Dictionary<string, string> { ["model"] = "cas-register", ["independent"] = "true" };

    public IGenerator Generator(TestSpec test)
    {
        var opsPerKey = (int)test.WorkloadOptions.Integer("ops-per-key");
        var readTenths = (int)test.WorkloadOptions.Integer("read-percent") / 10;
        return new KeyGroupsGenerator(test.NodeCount * test.ConcurrencyPerNode, (int)test.WorkloadOptions.Integer("threads-per-key"),
            (group, groups) => new RegisterGenerator(opsPerKey, group, groups, test.WorkloadOptions.Flag("cas"), readTenths));
    }

    public IGenerator? FinalGenerator(TestSpec test) => null;

    /// <summary>Linearizability is the verdict; the stale-read and session-guarantee checkers add readable witnesses with their staleness.</summary>
    public IChecker Checker(TestSpec test) => CheckerFor();

    public static IChecker CheckerFor() =>
        new CompositeChecker("register-workload", [new LinearizabilityChecker(), new StaleReadChecker(), new SessionGuaranteeChecker(), new StatsChecker()]);

    public IReadOnlyDictionary<string, string> CheckerOptions(TestSpec test) => CheckerSettings;
}
