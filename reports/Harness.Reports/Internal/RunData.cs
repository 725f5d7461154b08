using Harness.Checkers.Leaderless;
using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Reports.Internal;

/// <summary>
/// Everything a report reads from one run directory. A missing or unreadable file does not stop the report:
/// its part is left empty and the reason is kept in <see cref="Problems"/>, so a half-written run still gets a page.
/// </summary>
internal sealed class RunData
{
    public required string Directory { get; init; }
    public TestSpec? Test { get; init; }
    public required IReadOnlyList<Op> Ops { get; init; }
    public required OpPairs Pairs { get; init; }
    public CheckResult? Result { get; init; }
    public required IReadOnlyList<LagSample> Lag { get; init; }
    public required IReadOnlyList<FaultWindow> Faults { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The replica samples of a leaderless run (<c>convergence.jsonl</c>; empty for other databases).</summary>
    public ReplicaLog Replicas { get; init; } = ReplicaLog.Empty;

    private IReadOnlyList<AgreementPoint>? _agreement;

    /// <summary>Replica agreement per probe round, on the run's time axis (<see cref="ReplicaAgreement"/>).</summary>
    public IReadOnlyList<AgreementPoint> Agreement => _agreement ??= ReplicaAgreement.Points(Replicas, Faults);

    private RoleTimeline? _roles;

    /// <summary>Node roles over time, from the fault records and lag samples.</summary>
    public RoleTimeline Roles => _roles ??= RoleTimeline.Of(Lag, Faults,
        Ops.Select(o => o.Node).OfType<string>().Distinct(StringComparer.Ordinal).Take(16), (long)(EndSeconds * 1e9));

    /// <summary>The time axis ends at the last recorded event (op or lag sample), in seconds.</summary>
    public double EndSeconds => Math.Max(Ops.Count == 0 ? 0 : Ops[^1].Seconds, Lag.Count == 0 ? 0 : Lag.Max(s => s.Time) / 1e9);

    public static RunData Load(string directory)
    {
        var problems = new List<string>();
        var test = Try(problems, Path.Combine(directory, "test.json"), p => TestSpec.FromJson(File.ReadAllText(p)));
        var ops = Try(problems, Path.Combine(directory, "history.jsonl"), p => CompactHistoryReader.Read(p)) ?? []; // streamed, values shared: long histories stay small
        var result = Try(problems, Path.Combine(directory, "results.json"), CheckResultJson.Read);
        var lagPath = Path.Combine(directory, "lag.jsonl");
        var lag = File.Exists(lagPath) ? Try(problems, lagPath, LagJsonl.Read) ?? [] : [];
        var replicasPath = Path.Combine(directory, IReplicaObservable.SamplesFile);
        var replicas = File.Exists(replicasPath) ? Try(problems, replicasPath, ReplicaLog.Read) ?? ReplicaLog.Empty : ReplicaLog.Empty;
        return new RunData
        {
            Directory = directory,
            Test = test,
            Ops = ops,
            Pairs = OpPairs.Of(ops),
            Result = result,
            Lag = lag,
            Replicas = replicas,
            Faults = FaultWindow.From(ops),
            Problems = problems,
        };
    }

    private static T? Try<T>(List<string> problems, string path, Func<string, T> read) where T : class
    {
        if (!File.Exists(path))
        {
            problems.Add($"{Path.GetFileName(path)} is missing.");
            return null;
        }
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is HistoryFormatException or System.Text.Json.JsonException or IOException
                                      or FormatException or InvalidOperationException)
        {
            problems.Add($"{Path.GetFileName(path)} could not be read: {e.Message}");
            return null;
        }
    }
}
