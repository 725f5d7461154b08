using System.CommandLine;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;

namespace Harness.Cli.Commands;

/// <summary>
/// The options of <c>harness run</c>: one per field of <see cref="TestSpec"/>, plus one per option of every
/// registered module (database and workload options by their name, fault options as <c>--FAULT-NAME</c>), all
/// derived from the registry. With <c>--spec FILE</c> the test starts from a stored <c>test.json</c> and only
/// the options given on the command line change it.
/// </summary>
internal sealed class RunOptions
{
    private static readonly TestSpec D = new();
    private readonly Registry _registry;

    public Option<string?> Spec { get; } = new("--spec") { Description = "Start from a stored test.json (a run's or hand-written): same seed, same operations and faults; options given on the command line override it." };
    public Option<string> Database { get; }
    public Option<int?> Nodes { get; } = new("--nodes") { Description = "Number of database nodes (default: the database's own, see the list above)." };
    public Option<string> Workload { get; }
    public Option<string> Nemesis { get; }
    public Option<double> TimeLimit { get; } = new("--time-limit") { Description = "Seconds of workload (faults run during this time).", DefaultValueFactory = _ => D.TimeLimitSeconds };
    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Client processes per node.", DefaultValueFactory = _ => D.ConcurrencyPerNode };
    public Option<double> Rate { get; } = new("--rate") { Description = "Target client operations per second, over all processes.", DefaultValueFactory = _ => D.Rate };
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed (64-bit) for the operation and fault schedule (same seed, same schedule).", DefaultValueFactory = _ => D.Seed };
    public Option<string> NemesisMode { get; } = new("--nemesis-mode") { Description = "How faults compose: one (one fault at a time) | overlap (each fault on its own seeded start/stop schedule, several at once).", DefaultValueFactory = _ => D.NemesisMode };
    public Option<double> NemesisInterval { get; } = new("--nemesis-interval") { Description = "Seconds of calm before each fault.", DefaultValueFactory = _ => D.NemesisIntervalSeconds };
    public Option<double> FaultDuration { get; } = new("--fault-duration") { Description = "Seconds each fault lasts.", DefaultValueFactory = _ => D.FaultDurationSeconds };
    public Option<double> Recovery { get; } = new("--recovery") { Description = "Seconds the healed cluster gets before final reads.", DefaultValueFactory = _ => D.RecoverySeconds };
    public Option<double> OpTimeout { get; } = new("--op-timeout") { Description = "Client deadline per operation in seconds; a missed deadline is recorded as info.", DefaultValueFactory = _ => D.OperationTimeoutSeconds };
    public Option<double> FinalPhase { get; } = new("--final-phase") { Description = "Seconds the final phase (e.g. final reads on every node) may take.", DefaultValueFactory = _ => D.FinalPhaseSeconds };
    public Option<string> BaseImage { get; } = new("--base-image") { Description = "Base image for node images; built offline with debootstrap if absent and not pullable.", DefaultValueFactory = _ => D.BaseImage };
    public Option<double> CheckTimeLimit { get; } = new("--check-time-limit") { Description = "Seconds the checkers may take (0 = no limit); past it the verdict is unknown.", DefaultValueFactory = _ => D.CheckTimeLimitSeconds };
    public Option<string?> Name { get; } = new("--name") { Description = "Test name (default: <database>-<workload>[-<replication>])." };
    public Option<string> Store { get; } = new("--store") { Description = "Directory for run output.", DefaultValueFactory = _ => "store" };
    public Option<bool> KeepCluster { get; } = new("--keep-cluster") { Description = "Leave the cluster running after the run (remove it later with 'harness clean')." };

    /// <summary>Database and workload options by flag name, with the modules that define them.</summary>
    private readonly List<(Option<string?> Option, string Name)> _moduleOptions = [];
    private readonly List<(Option<string?> Option, string Fault, string Name)> _faultOptions = [];

    public RunOptions(Registry registry)
    {
        _registry = registry;
        Database = new("--database") { Description = "Database under test: " + string.Join("; ", registry.Databases.Select(d => $"{d.Name} ({d.Summary}; nodes {d.NodeCount}, default {d.NodeCount.Default})")) + ".", DefaultValueFactory = _ => D.Database };
        Workload = new("--workload") { Description = "Workload: " + string.Join("; ", registry.Workloads.Select(w => $"{w.Name} ({w.Summary})")) + ".", DefaultValueFactory = _ => D.Workload };
        Nemesis = new("--nemesis") { Description = "Comma-separated faults: " + string.Join("; ", registry.Faults.Select(f => $"{f.Name} ({f.Summary}; needs {string.Join("+", f.Requires)})")) + "; or none.", DefaultValueFactory = _ => string.Join(",", D.Nemesis) };
        var owned = registry.Databases.SelectMany(d => d.Options.Select(o => (Owner: d.Name, Def: o)))
            .Concat(registry.Workloads.SelectMany(w => w.Options.Select(o => (Owner: "workload " + w.Name, Def: o))));
        foreach (var group in owned.GroupBy(x => x.Def.Name))
        {
            var owners = string.Join(", ", group.Select(g => g.Owner));
            var first = group.First().Def;
            var help = group.Select(g => g.Def.Help).Distinct().Count() == 1 ? first.Describe() : string.Join("; ", group.Select(g => $"{g.Owner}: {g.Def.Describe()}"));
            _moduleOptions.Add((new Option<string?>("--" + group.Key) { Description = $"{help} [{owners}]" }, group.Key));
        }
        foreach (var fault in registry.Faults)
            foreach (var o in fault.Options)
                _faultOptions.Add((new Option<string?>($"--{fault.Name}-{o.Name}") { Description = $"{o.Describe()} [fault {fault.Name}]" }, fault.Name, o.Name));
    }

    public IEnumerable<Option> All => new Option[] { Spec, Database, Nodes, Workload, Nemesis, TimeLimit, Concurrency, Rate, Seed,
            NemesisMode, NemesisInterval, FaultDuration, Recovery, OpTimeout, FinalPhase, BaseImage, CheckTimeLimit, Name, Store, KeepCluster }
        .Concat(_moduleOptions.Select(m => m.Option)).Concat(_faultOptions.Select(f => f.Option));

    /// <summary>The test the command line describes, resolved against the registry (every default filled in).</summary>
    public TestSpec ToSpec(ParseResult p)
    {
        var spec = p.GetValue(Spec) is { } file ? SpecFile.Read(file) : new TestSpec();
        spec = Given(p, Database) ? spec with { Database = p.GetValue(Database)! } : spec;
        spec = Given(p, Nodes) ? spec with { Nodes = p.GetValue(Nodes) } : spec;
        spec = Given(p, Workload) ? spec with { Workload = p.GetValue(Workload)! } : spec;
        if (Given(p, Nemesis))
            spec = spec with { Nemesis = p.GetValue(Nemesis)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n != "none").ToList() };
        spec = Given(p, TimeLimit) ? spec with { TimeLimitSeconds = p.GetValue(TimeLimit) } : spec;
        spec = Given(p, Concurrency) ? spec with { ConcurrencyPerNode = p.GetValue(Concurrency) } : spec;
        spec = Given(p, Rate) ? spec with { Rate = p.GetValue(Rate) } : spec;
        spec = Given(p, Seed) ? spec with { Seed = p.GetValue(Seed) } : spec;
        spec = Given(p, NemesisMode) ? spec with { NemesisMode = p.GetValue(NemesisMode)! } : spec;
        spec = Given(p, NemesisInterval) ? spec with { NemesisIntervalSeconds = p.GetValue(NemesisInterval) } : spec;
        spec = Given(p, FaultDuration) ? spec with { FaultDurationSeconds = p.GetValue(FaultDuration) } : spec;
        spec = Given(p, Recovery) ? spec with { RecoverySeconds = p.GetValue(Recovery) } : spec;
        spec = Given(p, OpTimeout) ? spec with { OperationTimeoutSeconds = p.GetValue(OpTimeout) } : spec;
        spec = Given(p, FinalPhase) ? spec with { FinalPhaseSeconds = p.GetValue(FinalPhase) } : spec;
        spec = Given(p, BaseImage) ? spec with { BaseImage = p.GetValue(BaseImage)! } : spec;
        spec = Given(p, CheckTimeLimit) ? spec with { CheckTimeLimitSeconds = p.GetValue(CheckTimeLimit) } : spec;
        spec = Given(p, Name) ? spec with { Name = p.GetValue(Name)! } : spec;
        return TestHarness.Resolve(_registry, ApplyModuleOptions(p, spec));
    }

    private TestSpec ApplyModuleOptions(ParseResult p, TestSpec spec)
    {
        var db = _registry.Databases.FirstOrDefault(d => d.Name == spec.Database);
        var workload = _registry.Workloads.FirstOrDefault(w => w.Name == spec.Workload);
        foreach (var (option, name) in _moduleOptions.Where(m => Given(p, m.Option)))
        {
            var value = p.GetValue(option)!;
            if (db?.Options.Any(o => o.Name == name) == true) spec = spec.WithDatabaseOption(name, value);
            else if (workload?.Options.Any(o => o.Name == name) == true) spec = spec.WithWorkloadOption(name, value);
            else throw new InvalidSpecException($"--{name} is not an option of database {spec.Database} or workload {spec.Workload}");
        }
        foreach (var (option, fault, name) in _faultOptions.Where(f => Given(p, f.Option)))
            spec = spec.WithFaultOption(fault, name, p.GetValue(option)!);
        return spec;
    }

    private static bool Given(ParseResult p, Option option) => p.GetResult(option) is { Implicit: false };
}
