using Harness.Checkers.Linearizability;
using Harness.Checkers.Sets;
using Harness.Checkers.StaleReads;
using Harness.Checkers.Stats;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Testing;
using Harness.Runner.Generators;

namespace Harness.Workloads;

/// <summary>
/// Our workloads by name. <b>register</b>: read / write / cas on independent keys (values <c>[key, v]</c>, unique
/// writes per key), checked for linearizability per key with stale-read witnesses. <b>set</b>: unique adds, then a
/// final read by every process, checked for lost, divergent and unexpected elements. <b>list-append</b>: Elle's
/// transactions of appends and reads, checked for dependency cycles against the test's consistency model.
/// </summary>
public static class WorkloadDefinitions
{
    public static readonly IReadOnlyList<string> Names = ["register", "set", "list-append"];

    public static WorkloadDefinition For(TestSpec test) => test.Workload switch
    {
        "register" => Register(test),
        "set" => Set(),
        "list-append" => ListAppend(test),
        _ => throw new ArgumentException($"unknown workload '{test.Workload}'; known: {string.Join(", ", Names)}"),
    };

    /// <summary>Keys are independent registers that start absent, compared and set.</summary>
    public static IReadOnlyDictionary<string, string> RegisterCheckerOptions { get; } =
        new Dictionary<string, string> { ["model"] = "cas-register", ["independent"] = "true" };

    public static WorkloadDefinition Register(TestSpec test) =>
        new("register", () => new RegisterGenerator(test.OpsPerKey), () => null, RegisterChecker, RegisterCheckerOptions);

    /// <summary>Linearizability is the verdict; the stale-read checker adds readable witnesses with their staleness.</summary>
    public static IChecker RegisterChecker() =>
        new CompositeChecker("register-workload", [new LinearizabilityChecker(), new StaleReadChecker(), new StatsChecker()]);

    public static WorkloadDefinition Set() => new("set", SetGenerator, () => Gen.EachProcess(() => Gen.Once("read", null)),
        SetChecker, new Dictionary<string, string>());

    public static IChecker SetChecker() => new CompositeChecker("set-workload", [new Checkers.Sets.SetChecker(), new StatsChecker()]);

    private static IGenerator SetGenerator()
    {
        long next = 0;
        return Gen.Repeat(_ => GenStep.Invoke("add", next++));
    }

    public static WorkloadDefinition ListAppend(TestSpec test) => new("list-append", () => new ListAppendGenerator(), () => null,
        ListAppendChecker, new Dictionary<string, string> { ["workload"] = "list-append", ["consistency-model"] = test.ConsistencyModel });

    public static IChecker ListAppendChecker() =>
        new CompositeChecker("list-append-workload", [new TransactionalChecker(), new StatsChecker()]);
}
