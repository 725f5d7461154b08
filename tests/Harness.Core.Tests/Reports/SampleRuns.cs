using Harness.Core.Checking;
using Harness.Core.Databases;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// Writes the sample run folders under <c>Samples/</c> (checked in; regenerate with the explicit test
/// <c>SampleRunsAreUpToDate</c> and HARNESS_WRITE_SAMPLES=1): 20 s, 15 ops/s on five client processes against the
/// primary, lag samples every 0.5 s, the nemesis steps of <see cref="SampleCatalog"/>, and a server log line
/// carrying a script tag (database text the report must show as text).
/// </summary>
internal static class SampleRuns
{
    public const string Script = "<script>window.__pwned = 1; document.title = 'pwned';</script>";
    private const double Seconds = 20;
    private const double Rate = 15;

    public static string Write(string parent, SampleScenario s)
    {
        var dir = Path.Combine(parent, s.Fault);
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        var spec = new TestSpec { Name = $"pg-{s.Workload}-{s.Fault}", Workload = s.Workload, Nemesis = [s.Fault], Nodes = 3, TimeLimitSeconds = Seconds, Rate = Rate, Seed = 7 };
        File.WriteAllText(Path.Combine(dir, "test.json"), spec.ToJson());
        var (ops, lost, stale) = History(s);
        JsonlHistory.Write(Path.Combine(dir, "history.jsonl"), ops);
        LagJsonl.Write(Path.Combine(dir, "lag.jsonl"), Enumerable.Range(0, (int)(Seconds * 2)).SelectMany(i =>
            new[] { "pg1", "pg2", "pg3" }.Select(n => s.Lag(i * 0.5 + 0.25, n)).OfType<LagSample>()));
        CheckResultJson.Write(Path.Combine(dir, "results.json"), Result(s, lost, stale));
        File.WriteAllText(Path.Combine(dir, "logs", "pg1.log"),
            "LOG:  database system is ready to accept connections\nERROR:  relation \"" + Script + "\" does not exist\n");
        return dir;
    }

    private static (List<Op> Ops, List<object?> Lost, List<object?> Stale) History(SampleScenario s)
    {
        var random = new Random(s.Fault.Length * 31 + 7);
        var raw = new List<Op>();
        var lost = new List<object?>();
        var stale = new List<object?>();
        foreach (var step in s.Steps)
        {
            raw.Add(new Op(0, SampleScenario.Ns(step.At), OpType.Invoke, Op.NemesisProcess, step.F, step.Target));
            raw.Add(new Op(0, SampleScenario.Ns(step.Done), OpType.Info, Op.NemesisProcess, step.F, step.Value));
        }
        var processes = new[] { 0, 1, 2, 3, 4 };
        for (var i = 0; i < (int)(Seconds * Rate) - 10; i++)
        {
            var t = 0.1 + i / Rate;
            var slot = i % processes.Length;
            var p = processes[slot];
            var read = s.Workload == "register" && i % 2 == 1;
            var node = read ? "pg" + (1 + i % 3) : s.PrimaryAt(t);
            var f = s.Workload == "set" ? "add" : read ? "read" : "write";
            object? value = s.Workload == "set" ? (long)i : read ? null : (long)(i % 5);
            raw.Add(new Op(0, SampleScenario.Ns(t), OpType.Invoke, p, f, value, node));
            var done = t + 0.003 + random.NextDouble() * 0.009;
            if (s.Unavailable(t))
            {
                var timedOut = i % 2 == 0;
                raw.Add(new Op(0, SampleScenario.Ns(timedOut ? t + 1.0 : done), timedOut ? OpType.Info : OpType.Fail, p, f, value, node,
                    timedOut ? "timeout after 1 s" : "connection refused"));
                if (timedOut) processes[slot] += processes.Length; // a process that saw info retires
                continue;
            }
            raw.Add(new Op(0, SampleScenario.Ns(done), OpType.Ok, p, f, read ? (long)((i - 1) % 5) : value, node));
            if (s.Lost(done)) lost.Add(new object?[] { value, SampleScenario.Ns(done) });
            if (read && node == "pg3" && s.Fault == "partition" && t is > 5.2 and < 13.15)
                stale.Add(new object?[] { SampleScenario.Ns(t), SampleScenario.Ns(t - 5.2), node });
        }
        raw.Sort((a, b) => a.Time.CompareTo(b.Time));
        return (raw.Select((o, i) => o with { Index = i }).ToList(), lost, stale);
    }

    private static CheckResult Result(SampleScenario s, List<object?> lost, List<object?> stale)
    {
        var main = s.Workload == "set"
            ? new CheckResult("set", lost.Count > 0 ? Validity.Invalid : Validity.Valid,
                lost.Count > 0 ? $"{lost.Count} acknowledged writes lost" : "every acknowledged write was read")
            {
                Stats = new Dictionary<string, object?> { ["lost-count"] = (long)lost.Count },
                Details = new Dictionary<string, object?> { ["lost"] = lost },
            }
            : new CheckResult("stale-reads", stale.Count > 0 ? Validity.Invalid : Validity.Valid, $"{stale.Count} stale reads")
            {
                Stats = new Dictionary<string, object?> { ["stale-count"] = (long)stale.Count },
                Details = new Dictionary<string, object?> { ["stale"] = stale },
            };
        return CheckResult.Compose("composite", [main, new CheckResult("stats", Validity.Valid, "client operations completed")]);
    }
}
