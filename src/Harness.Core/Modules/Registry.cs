using Harness.Core.Checking;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>
/// Every database, workload and fault module, each listed once. The command line, <c>--help</c>, validation
/// ("galera does not support the 'failover' fault"), the report palette and the README tables are derived from
/// it. <see cref="Resolve"/> turns a partly filled <see cref="TestSpec"/> into a complete one or says what is wrong.
/// </summary>
public sealed class Registry
{
    public IReadOnlyList<IDatabaseModule> Databases { get; }
    public IReadOnlyList<IWorkloadModule> Workloads { get; }
    public IReadOnlyList<IFaultModule> Faults { get; }

    /// <summary>Checkers added by database capability (<see cref="ICheckerModule"/>).</summary>
    public IReadOnlyList<ICheckerModule> Checkers { get; }

    public Registry(IEnumerable<IDatabaseModule> databases, IEnumerable<IWorkloadModule> workloads, IEnumerable<IFaultModule> faults,
        IEnumerable<ICheckerModule>? checkers = null)
    {
        Databases = databases.ToList();
        Workloads = workloads.ToList();
        Faults = faults.ToList();
        Checkers = checkers?.ToList() ?? [];
        Unique(Databases.Select(d => d.Name), "database");
        Unique(Workloads.Select(w => w.Name), "workload");
        Unique(Faults.Select(f => f.Name), "fault");
        Unique(Checkers.Select(c => c.Name), "checker");
    }

    public IDatabaseModule Database(string name) => Databases.FirstOrDefault(d => d.Name == name)
        ?? throw new InvalidSpecException($"--database must be one of {string.Join(", ", Databases.Select(d => d.Name))} (got '{name}')");

    public IWorkloadModule Workload(string name) => Workloads.FirstOrDefault(w => w.Name == name)
        ?? throw new InvalidSpecException($"--workload must be one of {string.Join(", ", Workloads.Select(w => w.Name))} (got '{name}')");

    public IFaultModule Fault(string name) => Faults.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidSpecException($"--nemesis takes {string.Join(", ", Faults.Select(f => f.Name))} or none (got '{name}')");

    /// <summary>Fault name to report colour, for every registered fault.</summary>
    public IReadOnlyDictionary<string, string> FaultColours => Faults.ToDictionary(f => f.Name, f => f.Colour, StringComparer.Ordinal);

    /// <summary>The faults <paramref name="database"/> can take (it offers every capability they need).</summary>
    public IEnumerable<IFaultModule> FaultsFor(IDatabaseModule database) => Faults.Where(f => f.Requires.IsSubsetOf(database.Capabilities));

    /// <summary>The checker modules that apply to <paramref name="test"/>: its workload is theirs and its database
    /// declares the capability they require.</summary>
    public IEnumerable<ICheckerModule> CheckersFor(TestSpec test)
    {
        var db = Database(test.Database);
        return Checkers.Where(c => c.Workloads.Contains(test.Workload) && db.Capabilities.Contains(c.Requires));
    }

    /// <summary>The workload's checker joined with every checker module that applies to <paramref name="test"/>
    /// (the workload's checker alone when none does).</summary>
    public IChecker CheckerFor(TestSpec test, IChecker workloadChecker, string runDirectory)
    {
        var extra = CheckersFor(test).ToList();
        if (extra.Count == 0) return workloadChecker;
        return new CompositeChecker(string.Join('+', extra.Select(c => c.Name).Prepend(workloadChecker.Name)),
            [workloadChecker, .. extra.Select(c => c.Create(test, runDirectory))]);
    }

    /// <summary>A complete, checked copy of <paramref name="spec"/>: node count, every module option and the name filled
    /// in. Throws <see cref="ArgumentException"/> with a message for the user when something does not fit.</summary>
    public TestSpec Resolve(TestSpec spec)
    {
        var db = Database(spec.Database);
        var nodes = spec.Nodes ?? db.NodeCount.Default;
        Require(db.NodeCount.Contains(nodes), $"--nodes for {db.Name} must be {db.NodeCount} (got {nodes})");
        var workload = Workload(spec.Workload);
        Require(db.Workloads.Contains(workload.Name),
            $"{db.Name} has no client for the '{workload.Name}' workload (it supports: {string.Join(", ", db.Workloads)})");
        var faults = spec.Nemesis.Distinct().ToList();
        var faultOptions = new Dictionary<string, ModuleOptions>(StringComparer.Ordinal);
        foreach (var name in faults)
        {
            var fault = Fault(name);
            var missing = fault.Requires.Except(db.Capabilities).ToList();
            Require(missing.Count == 0, $"{db.Name} does not support the '{name}' fault (it needs: {string.Join(", ", missing)}); " +
                $"{db.Name} takes: {string.Join(", ", FaultsFor(db).Select(f => f.Name).DefaultIfEmpty("no faults"))}");
            faultOptions[name] = spec.FaultOptionsOf(name).Resolve(fault.Options, $"fault {name}");
        }
        foreach (var name in spec.FaultOptions.Keys.Where(k => !faults.Contains(k)))
            throw new InvalidSpecException($"options are given for the '{name}' fault, which is not in --nemesis");
        Require(spec.TimeLimitSeconds > 0 && spec.Rate > 0 && spec.ConcurrencyPerNode > 0 && spec.OperationTimeoutSeconds > 0 && spec.FinalPhaseSeconds > 0,
            "--time-limit, --rate, --concurrency, --op-timeout and --final-phase must be positive");
        Require(spec.NemesisMode is "one" or "overlap", $"--nemesis-mode must be one or overlap (got '{spec.NemesisMode}')");
        Require(spec.NemesisIntervalSeconds >= 0 && spec.FaultDurationSeconds > 0 && spec.RecoverySeconds >= 0 && spec.CheckTimeLimitSeconds >= 0,
            "--nemesis-interval, --recovery and --check-time-limit must not be negative, and --fault-duration must be positive");
        var resolved = spec with
        {
            Nodes = nodes,
            Nemesis = faults,
            DatabaseOptions = spec.DatabaseOptions.Resolve(db.Options, db.Name),
            WorkloadOptions = db.WorkloadDefaults(workload.Name).Where(kv => !spec.WorkloadOptions.ContainsKey(kv.Key))
                .Aggregate(spec.WorkloadOptions, (o, kv) => o.With(kv.Key, kv.Value))
                .Resolve(workload.Options, $"workload {workload.Name}"),
            FaultOptions = faultOptions,
        };
        var problems = db.Validate(resolved).ToList();
        Require(problems.Count == 0, string.Join("; ", problems));
        if (resolved.Name.Length == 0)
            resolved = resolved with { Name = string.Join('-', new[] { db.Name, workload.Name, db.NameSuffix(resolved) }.Where(s => !string.IsNullOrEmpty(s))) };
        return resolved;
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new InvalidSpecException(message);
    }

    private static void Unique(IEnumerable<string> names, string kind)
    {
        var dup = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidSpecException($"the {kind} '{dup.Key}' is registered twice");
    }
}
