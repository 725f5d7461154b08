using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harness.Core.Testing;

/// <summary>
/// A test is data (Jepsen's test map): every CLI option of <c>harness run</c> maps onto one field, and a run
/// writes this record as <c>test.json</c> so the run can be repeated (same seed, same schedule) or re-checked.
/// </summary>
public sealed record TestSpec
{
    public string Name { get; init; } = "postgres-register";
    public string Database { get; init; } = "postgres";
    public int Nodes { get; init; } = 3;
    /// <summary>async | sync | semi-sync (PostgreSQL: synchronous_standby_names '' / FIRST n / ANY 1).</summary>
    public string Replication { get; init; } = "async";
    public string Workload { get; init; } = "register";
    /// <summary>Fault names, e.g. partition, kill, pause; empty for none.</summary>
    public IReadOnlyList<string> Nemesis { get; init; } = ["partition"];
    public double TimeLimitSeconds { get; init; } = 60;
    /// <summary>Logical client processes per node.</summary>
    public int ConcurrencyPerNode { get; init; } = 2;
    /// <summary>Target rate of client operations per second, over all processes.</summary>
    public double Rate { get; init; } = 50;
    public long Seed { get; init; } = 1;
    /// <summary>primary | followers: where reads go.</summary>
    public string ReadFrom { get; init; } = "primary";
    /// <summary>read-committed | repeatable-read | serializable, for transactional workloads.</summary>
    public string Isolation { get; init; } = "serializable";
    /// <summary>Transactional workloads: the consistency model the history is checked against.</summary>
    public string ConsistencyModel { get; init; } = "serializable";
    /// <summary>Seconds between the end of one fault and the start of the next (and before the first).</summary>
    public double NemesisIntervalSeconds { get; init; } = 8;
    /// <summary>How long each fault lasts.</summary>
    public double FaultDurationSeconds { get; init; } = 8;
    /// <summary>After healing, how long the cluster gets to recover before final reads.</summary>
    public double RecoverySeconds { get; init; } = 5;
    /// <summary>Client deadline per operation; a missed deadline is Info, never Fail.</summary>
    public double OperationTimeoutSeconds { get; init; } = 3;
    /// <summary>Register workload: operations per key before moving on to a fresh key.</summary>
    public int OpsPerKey { get; init; } = 60;
    /// <summary>Base image for node images; built offline with debootstrap when neither local nor pullable.</summary>
    public string BaseImage { get; init; } = "debian:bookworm-slim";
    /// <summary>Checker time budget in seconds (0 = none).</summary>
    public double CheckTimeLimitSeconds { get; init; } = 60;
    /// <summary>Free-form extras for packages that need them.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TestSpec FromJson(string json) =>
        JsonSerializer.Deserialize<TestSpec>(json, Json) ?? throw new JsonException("test.json is empty");

    public IReadOnlyList<string> NodeNames(string prefix) =>
        Enumerable.Range(1, Nodes).Select(i => prefix + i).ToList();
}
