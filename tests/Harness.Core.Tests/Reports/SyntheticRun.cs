using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Core.Tests.Reports;

/// <summary>Builds a run directory as a real run would leave it: 30 s of register operations on eight processes,
/// a partition from 5 s to 12 s and a kill from 20 s to 24 s, an invalid linearizability result naming three ops
/// (one of which wrote a script tag), a set result with lost writes, lag samples for two replicas and a node log.</summary>
internal static class SyntheticRun
{
    public const string Malicious = "<script>alert(1)</script>";
    public const long MaliciousIndex = 40;

    public static string Create(string parent, string test = "pg-register", string stamp = "20250102T030405Z",
        int clientOps = 1200, Validity verdict = Validity.Invalid)
    {
        var dir = Path.Combine(parent, test, stamp);
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        var spec = new TestSpec { Name = test, Nemesis = ["partition", "kill"], Nodes = 3, TimeLimitSeconds = 30, Seed = 42 };
        File.WriteAllText(Path.Combine(dir, "test.json"), spec.ToJson());
        var ops = History(clientOps);
        JsonlHistory.Write(Path.Combine(dir, "history.jsonl"), ops);
        CheckResultJson.Write(Path.Combine(dir, "results.json"), Result(verdict));
        LagJsonl.Write(Path.Combine(dir, "lag.jsonl"), Enumerable.Range(0, 60).SelectMany(i => new[]
        {
            new LagSample(i * 500_000_000L, "pg2", ReplayLagMs: i is > 10 and < 24 ? (i - 10) * 150.0 : 2.0, LsnBehindBytes: i * 1024L),
            new LagSample(i * 500_000_000L, "pg3", ReplayLagMs: 3.0, State: "streaming"),
        }));
        File.WriteAllText(Path.Combine(dir, "logs", "pg1.log"), "LOG: ready\nERROR: <script>alert('log')</script>\n");
        return dir;
    }

    private const int Processes = 8;

    public static List<Op> History(int clientOps)
    {
        var ops = new List<Op>();
        var perSecond = clientOps / 30.0;
        var nemesis = new (double At, string F, object? Value)[]
        {
            (5, "start-partition", "pg1 | pg2 pg3"), (12, "stop-partition", null), (20, "start-kill", "pg2"), (24, "stop-kill", null),
        };
        var n = 0;
        for (var i = 0; i < clientOps; i++)
        {
            var t = (long)(i / perSecond * 1e9);
            while (n < nemesis.Length && nemesis[n].At * 1e9 <= t)
            {
                var (at, f, description) = nemesis[n++];
                ops.Add(new Op(ops.Count, (long)(at * 1e9), OpType.Info, Op.NemesisProcess, f, description));
            }
            var process = i % Processes;
            var inPartition = t is > 5_000_000_000 and < 12_000_000_000;
            var write = i % 3 == 0;
            object? value = ops.Count == MaliciousIndex ? Malicious : write ? (long)(i % 5) : null;
            ops.Add(new Op(ops.Count, t, OpType.Invoke, process, write ? "write" : "read", value, "pg" + (process % 3 + 1)));
            var type = inPartition || ops.Count == MaliciousIndex + 1 ? (i % 2 == 0 ? OpType.Info : OpType.Fail) : OpType.Ok;
            var slot = Processes / perSecond * 1e9; // a process's next invocation comes one slot later
            var latency = (long)(inPartition ? 0.95 * slot : slot * (0.02 + i % 7 * 0.01));
            ops.Add(new Op(ops.Count, t + latency, type, process, write ? "write" : "read", write ? value : (object?)(long)(i % 5),
                "pg" + (process % 3 + 1), type == OpType.Ok ? null : "<b>timeout</b>"));
        }
        ops.Sort((a, b) => a.Time.CompareTo(b.Time));
        return ops.Select((o, i) => o with { Index = i }).ToList();
    }

    private static CheckResult Result(Validity verdict)
    {
        var lin = new CheckResult("linearizable", verdict, "key 0 is not linearizable")
        {
            AnomalyCounts = new Dictionary<string, long> { ["nonlinearizable"] = 1 },
            Anomalies = verdict == Validity.Invalid
                ? [new Anomaly("nonlinearizable", "read of 3 <i>cannot</i> follow write of " + Malicious, [MaliciousIndex, MaliciousIndex + 1, 50, 52])]
                : [],
            Stats = new Dictionary<string, object?> { ["ops"] = 1200L, ["model"] = "cas-register" },
        };
        var set = new CheckResult("set", Validity.Invalid, "3 acknowledged writes lost")
        {
            Details = new Dictionary<string, object?>
            {
                ["lost"] = new object?[] { new object?[] { 7L, 6_000_000_000L }, new object?[] { 9L, 7_500_000_000L }, new object?[] { 12L, 21_000_000_000L } },
            },
        };
        var elle = new CheckResult("elle", Validity.Unknown, "time budget exhausted")
        {
            Anomalies = [new Anomaly("G1c", "T1 < T2 < T1", [10, 11]) { Data = new Dictionary<string, object?> { ["svg"] = "<svg id=\"cycle-drawing\" width=\"10\" height=\"10\"></svg>" } }],
        };
        return CheckResult.Compose("composite", [lin, set, elle]);
    }
}
