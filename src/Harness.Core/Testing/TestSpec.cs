using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Core.Modules;

namespace Harness.Core.Testing;

/// <summary>
/// A test is data (Jepsen's test map). The fields here are what every test has; what a database, workload or
/// fault module needs is in its own option set (<see cref="DatabaseOptions"/>, <see cref="WorkloadOptions"/>,
/// <see cref="FaultOptions"/>), defined by the module. A run writes the resolved spec (every default filled in)
/// as <c>test.json</c>, and <c>harness run --spec test.json</c> repeats it: same seed, same operations, same faults.
/// </summary>
public sealed record TestSpec
{
    public string Name { get; init; } = "";
    /// <summary>A registered database module, e.g. <c>postgres</c>.</summary>
    public string Database { get; init; } = "postgres";
    /// <summary>Cluster size; null means the database's default.</summary>
    public int? Nodes { get; init; }
    public string Workload { get; init; } = "register";
    /// <summary>Fault module names, e.g. partition, kill; empty for none.</summary>
    public IReadOnlyList<string> Nemesis { get; init; } = ["partition"];
    public double TimeLimitSeconds { get; init; } = 60;
    /// <summary>Logical client processes per node.</summary>
    public int ConcurrencyPerNode { get; init; } = 2;
    /// <summary>Target rate of client operations per second, over all processes.</summary>
    public double Rate { get; init; } = 50;
    public long Seed { get; init; } = 1;
    /// <summary>How faults are composed: <c>one</c> (one fault at a time, drawn at random) or <c>overlap</c> (each fault
    /// on its own seeded start/stop schedule, so several can be in force at once).</summary>
    public string NemesisMode { get; init; } = "one";
    /// <summary>Seconds of calm before each fault.</summary>
    public double NemesisIntervalSeconds { get; init; } = 8;
    /// <summary>How long each fault lasts.</summary>
    public double FaultDurationSeconds { get; init; } = 8;
    /// <summary>After healing, how long the cluster gets to recover before final reads.</summary>
    public double RecoverySeconds { get; init; } = 5;
    /// <summary>Client deadline per operation; a missed deadline is Info, never Fail.</summary>
    public double OperationTimeoutSeconds { get; init; } = 3;
    /// <summary>How long the final phase (e.g. final reads on every node) may take in all.</summary>
    public double FinalPhaseSeconds { get; init; } = 60;
    /// <summary>Base image for node images; built offline with debootstrap when neither local nor pullable.</summary>
    public string BaseImage { get; init; } = "debian:bookworm-slim";
    /// <summary>Checker time budget in seconds (0 = none).</summary>
    public double CheckTimeLimitSeconds { get; init; } = 60;
    /// <summary>Options of the database module (e.g. PostgreSQL's replication, read-from, isolation).</summary>
    public ModuleOptions DatabaseOptions { get; init; } = ModuleOptions.Empty;
    /// <summary>Options of the workload module (e.g. register's ops-per-key).</summary>
    public ModuleOptions WorkloadOptions { get; init; } = ModuleOptions.Empty;
    /// <summary>Options of each fault module, by fault name (e.g. delay's ms and jitter-ms).</summary>
    public IReadOnlyDictionary<string, ModuleOptions> FaultOptions { get; init; } = new Dictionary<string, ModuleOptions>();

    /// <summary>The cluster size (after resolution every spec has one).</summary>
    [JsonIgnore]
    public int NodeCount => Nodes ?? throw new InvalidOperationException("the test's node count is not resolved yet");

    /// <summary>This spec with one database option set.</summary>
    public TestSpec WithDatabaseOption(string name, string value) => this with { DatabaseOptions = DatabaseOptions.With(name, value) };

    /// <summary>This spec with one workload option set.</summary>
    public TestSpec WithWorkloadOption(string name, string value) => this with { WorkloadOptions = WorkloadOptions.With(name, value) };

    /// <summary>This spec with one option of a fault set.</summary>
    public TestSpec WithFaultOption(string fault, string name, string value) => this with
    {
        FaultOptions = new Dictionary<string, ModuleOptions>(FaultOptions) { [fault] = FaultOptionsOf(fault).With(name, value) },
    };

    public ModuleOptions FaultOptionsOf(string fault) => FaultOptions.TryGetValue(fault, out var o) ? o : ModuleOptions.Empty;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TestSpec FromJson(string json) =>
        JsonSerializer.Deserialize<TestSpec>(json, Json) ?? throw new JsonException("test.json is empty");

    public IReadOnlyList<string> NodeNames(string prefix) =>
        Enumerable.Range(1, NodeCount).Select(i => prefix + i).ToList();
}
