using System.CommandLine;
using Harness.Core.Testing;

namespace Harness.Cli.Commands;

/// <summary>The options of <c>harness run</c>, one per field of <see cref="TestSpec"/> (a test is data).</summary>
internal sealed class RunOptions
{
    private static readonly TestSpec D = new();

    public Option<string> Database { get; } = new("--database") { Description = "Database under test: postgres (streaming replication), galera (MariaDB Galera, synchronous multi-master), mariadb-multi (two MariaDB leaders replicating to each other asynchronously; always 2 nodes).", DefaultValueFactory = _ => D.Database };
    public Option<int> Nodes { get; } = new("--nodes") { Description = "Number of database nodes (2-9).", DefaultValueFactory = _ => D.Nodes };
    public Option<string> Replication { get; } = new("--replication") { Description = "Replication mode: async | sync | semi-sync.", DefaultValueFactory = _ => D.Replication };
    public Option<string> Workload { get; } = new("--workload") { Description = "Workload: register | set | list-append.", DefaultValueFactory = _ => D.Workload };
    public Option<string> Nemesis { get; } = new("--nemesis") { Description = "Comma-separated faults: partition, kill, pause, failover (kill the primary, promote a standby, rejoin the old primary with pg_rewind), partition-failover (cut the primary off from its standbys for 3 s, then fail over), delay (300 ± 30 ms on the links into a node); or none.", DefaultValueFactory = _ => string.Join(",", D.Nemesis) };
    public Option<double> TimeLimit { get; } = new("--time-limit") { Description = "Seconds of workload (faults run during this time).", DefaultValueFactory = _ => D.TimeLimitSeconds };
    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Client processes per node.", DefaultValueFactory = _ => D.ConcurrencyPerNode };
    public Option<double> Rate { get; } = new("--rate") { Description = "Target client operations per second, over all processes.", DefaultValueFactory = _ => D.Rate };
    public Option<long> Seed { get; } = new("--seed") { Description = "Seed for the operation and fault schedule (same seed, same schedule).", DefaultValueFactory = _ => D.Seed };
    public Option<string> ReadFrom { get; } = new("--read-from") { Description = "Where reads go: primary | followers.", DefaultValueFactory = _ => D.ReadFrom };
    public Option<string> Isolation { get; } = new("--isolation") { Description = "Transaction isolation for list-append: read-committed | repeatable-read | serializable.", DefaultValueFactory = _ => D.Isolation };
    public Option<string> ConsistencyModel { get; } = new("--consistency-model") { Description = "list-append: model to check against (read-committed, repeatable-read, snapshot-isolation, serializable, strict-serializable, ...).", DefaultValueFactory = _ => D.ConsistencyModel };
    public Option<double> NemesisInterval { get; } = new("--nemesis-interval") { Description = "Seconds of calm before each fault.", DefaultValueFactory = _ => D.NemesisIntervalSeconds };
    public Option<double> FaultDuration { get; } = new("--fault-duration") { Description = "Seconds each fault lasts.", DefaultValueFactory = _ => D.FaultDurationSeconds };
    public Option<double> Recovery { get; } = new("--recovery") { Description = "Seconds the healed cluster gets before final reads.", DefaultValueFactory = _ => D.RecoverySeconds };
    public Option<double> OpTimeout { get; } = new("--op-timeout") { Description = "Client deadline per operation in seconds; a missed deadline is recorded as info.", DefaultValueFactory = _ => D.OperationTimeoutSeconds };
    public Option<int> OpsPerKey { get; } = new("--ops-per-key") { Description = "Register workload: operations per key before a fresh key.", DefaultValueFactory = _ => D.OpsPerKey };
    public Option<string> BaseImage { get; } = new("--base-image") { Description = "Base image for node images; built offline with debootstrap if absent and not pullable.", DefaultValueFactory = _ => D.BaseImage };
    public Option<double> CheckTimeLimit { get; } = new("--check-time-limit") { Description = "Seconds the checkers may take (0 = no limit); past it the verdict is unknown.", DefaultValueFactory = _ => D.CheckTimeLimitSeconds };
    public Option<string?> Name { get; } = new("--name") { Description = "Test name (default: <database>-<workload>-<replication>)." };
    public Option<string> Store { get; } = new("--store") { Description = "Directory for run output.", DefaultValueFactory = _ => "store" };
    public Option<bool> KeepCluster { get; } = new("--keep-cluster") { Description = "Leave the cluster running after the run (remove it later with 'harness clean')." };

    public IEnumerable<Option> All => [Database, Nodes, Replication, Workload, Nemesis, TimeLimit, Concurrency, Rate, Seed, ReadFrom, Isolation, ConsistencyModel,
        NemesisInterval, FaultDuration, Recovery, OpTimeout, OpsPerKey, BaseImage, CheckTimeLimit, Name, Store, KeepCluster];

    public TestSpec ToSpec(ParseResult p)
    {
        var nemesis = p.GetValue(Nemesis)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n != "none").ToList();
        var spec = new TestSpec
        {
            Database = p.GetValue(Database)!,
            Nodes = p.GetValue(Nodes),
            Replication = p.GetValue(Replication)!,
            Workload = p.GetValue(Workload)!,
            Nemesis = nemesis,
            TimeLimitSeconds = p.GetValue(TimeLimit),
            ConcurrencyPerNode = p.GetValue(Concurrency),
            Rate = p.GetValue(Rate),
            Seed = p.GetValue(Seed),
            ReadFrom = p.GetValue(ReadFrom)!,
            Isolation = p.GetValue(Isolation)!,
            ConsistencyModel = p.GetValue(ConsistencyModel)!,
            NemesisIntervalSeconds = p.GetValue(NemesisInterval),
            FaultDurationSeconds = p.GetValue(FaultDuration),
            RecoverySeconds = p.GetValue(Recovery),
            OperationTimeoutSeconds = p.GetValue(OpTimeout),
            OpsPerKey = p.GetValue(OpsPerKey),
            BaseImage = p.GetValue(BaseImage)!,
            CheckTimeLimitSeconds = p.GetValue(CheckTimeLimit),
        };
        if (spec.Database == "mariadb-multi") spec = spec with { Nodes = 2 };
        var defaultName = spec.Database == "postgres" ? $"{spec.Database}-{spec.Workload}-{spec.Replication}" : $"{spec.Database}-{spec.Workload}";
        spec = spec with { Name = p.GetValue(Name) ?? defaultName };
        Validate(spec);
        return spec;
    }

    private static void Validate(TestSpec s)
    {
        Require(Catalog.Catalogs.Databases.Contains(s.Database), $"--database must be one of {string.Join(", ", Catalog.Catalogs.Databases)} (got '{s.Database}')");
        Require(s.Database == "postgres" || s.ReadFrom == "primary", "--read-from followers needs --database postgres (the MariaDB clusters have no followers: every node takes writes)");
        Require(s.Database == "postgres" || !s.Nemesis.Any(n => n is "failover" or "partition-failover" or "delay"), "failover, partition-failover and delay faults need --database postgres");
        Require(s.Nodes is >= 2 and <= 9, $"--nodes must be 2..9 (got {s.Nodes})");
        Require(s.Replication is "async" or "sync" or "semi-sync", $"--replication must be async, sync or semi-sync (got '{s.Replication}')");
        Require(s.Workload is "register" or "set" or "list-append", $"--workload must be register, set or list-append (got '{s.Workload}')");
        foreach (var n in s.Nemesis)
            Require(n is "partition" or "kill" or "pause" or "failover" or "partition-failover" or "delay", $"--nemesis takes partition, kill, pause, failover, partition-failover, delay or none (got '{n}')");
        Require(s.ReadFrom is "primary" or "followers", $"--read-from must be primary or followers (got '{s.ReadFrom}')");
        Require(s.Isolation is "read-committed" or "repeatable-read" or "serializable", $"--isolation must be read-committed, repeatable-read or serializable (got '{s.Isolation}')");
        Require(s.TimeLimitSeconds > 0 && s.Rate > 0 && s.ConcurrencyPerNode > 0 && s.OperationTimeoutSeconds > 0 && s.OpsPerKey > 0,
            "--time-limit, --rate, --concurrency, --op-timeout and --ops-per-key must be positive");
        Require(s.NemesisIntervalSeconds >= 0 && s.FaultDurationSeconds > 0 && s.RecoverySeconds >= 0, "--nemesis-interval, --fault-duration and --recovery must not be negative");
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new UsageException(message);
    }
}
