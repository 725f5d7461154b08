using System.CommandLine;
using System.Diagnostics;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Check;

/// <summary><c>harness check</c>: re-checks a stored run, or checks any history file (ours, Jepsen EDN and
/// history.txt, elle-cli JSON, Porcupine's logs) with a named model or workload, without a cluster. One definition
/// for both front ends (the full CLI and the lean <c>harness-check</c> executable), so options, output and exit codes
/// cannot drift apart; what differs is the <see cref="ICheckHost"/>.</summary>
public static class CheckVerb
{
    /// <summary>The check verb over <paramref name="host"/>. <paramref name="listWorkloads"/> names the host's
    /// workloads in the help of --workload (which, in the full CLI, loads every module), for <c>--help</c> only.</summary>
    public static Command Build(ICheckHost host, bool listWorkloads = true)
    {
        var model = new Option<string?>("--model") { Description = "Linearizability model: register | cas-register | kv | multi-register | set | queue | mutex." };
        var workload = new Option<string?>("--workload")
        {
            Description = listWorkloads
                ? "Workload checker: " + string.Join(" | ", host.Workloads.Select(w => w.Name)) + " (the registered workloads)."
                : "Workload checker: a registered workload's name.",
        };
        var consistencyModel = new Option<string?>("--consistency-model") { Description = "Transactional model to check against (read-uncommitted ... strict-serializable).", DefaultValueFactory = _ => null };
        var initialValue = new Option<string?>("--initial-value") { Description = "Initial model state, e.g. 0 for a register (default: absent/empty)." };
        var format = new Option<string?>("--format") { Description = "History format: jsonl | edn | history-txt (Jepsen's tab-separated history.txt) | elle-json | porcupine-etcd | porcupine-kv (default: from the file name, then its first line)." };
        var nilReads = new Option<string?>("--nil-reads") { Description = "An ok read of nil is: unknown (any state explains it, as Knossos reads it; default for edn and history-txt) | value (the absent value; default for jsonl, elle-json, porcupine-*)." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the check may take (0 = none); past it the verdict is unknown.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (valid, model, ops, elapsed_ms, anomalies, not) instead of the summary." };
        var noPartition = new Option<bool>("--no-partition") { Description = "Linearizability: do not split the history by key; kv is checked against the whole-map model, decided by locality (one key's projection at a time, said in the result) unless --no-locality." };
        var noLocality = new Option<bool>("--no-locality") { Description = "Linearizability, with --no-partition: search the whole history as one state space, as Porcupine does for a model without partitions (far slower; for comparison)." };
        var target = new Argument<string>("path") { Description = "A run directory (or 'latest'), or a history file." };

        var cmd = new Command("check", "Check a stored run or a history file without a cluster; exit 0 valid, 1 invalid, 2 unknown.");
        cmd.Arguments.Add(target);
        foreach (var o in new Option[] { model, workload, consistencyModel, initialValue, format, nilReads, timeLimit, json, noPartition, noLocality }) cmd.Options.Add(o);
        cmd.SetAction((p, ct) => Task.FromResult(Execute(host, new CheckRequest(
            p.GetValue(target)!, p.GetValue(model), p.GetValue(workload), p.GetValue(consistencyModel), p.GetValue(initialValue),
            p.GetValue(format), p.GetValue(nilReads), p.GetValue(timeLimit), p.GetValue(json), p.GetValue(noPartition), p.GetValue(noLocality),
            Environment.GetEnvironmentVariable("HARNESS_CHECK_STREAM") == "0"), ct)));
        return cmd;
    }

    /// <summary>Runs one check and prints its verdict; returns the exit code.</summary>
    public static int Execute(ICheckHost host, CheckRequest r, CancellationToken ct)
    {
        var runDir = host.RunDirectory(r.Target);
        var file = runDir is null ? r.Target : Path.Combine(runDir, "history.jsonl"); // RunStore.HistoryFile
        if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
        var testDir = runDir ?? Path.GetDirectoryName(Path.GetFullPath(file))!;
        var test = host.FindTest(testDir);
        var (checker, options, label) = CheckerChoice.Choose(host, r.Model, r.Workload, test, testDir);
        var opts = new Dictionary<string, string>(options);
        if (r.InitialValue is { } iv) opts["initial-value"] = iv;
        if (r.ConsistencyModel is { } cm) opts["consistency-model"] = cm;
        if (r.NoPartition) opts["split"] = "false";
        if (r.NoLocality) opts["locality"] = "off";
        opts["nil-reads"] = NilReadsChoice(r.NilReads, r.Format, file);
        var context = new CheckContext
        {
            TimeLimit = r.TimeLimit > 0 ? TimeSpan.FromSeconds(r.TimeLimit) : null,
            Cancellation = ct,
            Options = opts,
        };
        var (result, counts, parse, check) = !r.WholeHistory && checker is IStreamingChecker s && s.Begin(context) is { } stream
            ? Streamed(file, r.Format, stream)
            : Whole(file, r.Format, checker, context);
        if (runDir is not null && InterruptedRun.Reason(runDir) is { } why) result = InterruptedRun.Wrap(result, why);
        var written = runDir is not null && test is not null ? host.Rewrite(runDir, test, result, check) : [];
        if (r.Json) Console.Out.WriteLine(CheckJson.Render(result, label, counts.Operations, check, parse));
        else CheckSummary.Print(test, counts, result, check, written);
        return ExitCodes.For(result.Validity);
    }

    /// <summary>The history read whole, then checked. Parse time is reading and pairing the file.</summary>
    private static (CheckResult, CheckCounts, TimeSpan Parse, TimeSpan Check) Whole(string file, string? format, IChecker checker, CheckContext context)
    {
        var parse = Stopwatch.StartNew();
        var history = HistoryFiles.Read(file, format, Warn);
        parse.Stop();
        var watch = Stopwatch.StartNew();
        var result = checker.Check(history, context);
        watch.Stop();
        return (result, CheckCounts.Of(history), parse.Elapsed, watch.Elapsed);
    }

    /// <summary>The history streamed into the check as it is read, never held. Parse time is reading the file and
    /// the checkers' per-operation work; check time is what they do once it has all passed.</summary>
    private static (CheckResult, CheckCounts, TimeSpan Parse, TimeSpan Check) Streamed(string file, string? format, IStreamingCheck stream)
    {
        var parse = Stopwatch.StartNew();
        var counts = HistoryFiles.Stream(file, format, stream, Warn);
        parse.Stop();
        var watch = Stopwatch.StartNew();
        var result = stream.Finish();
        watch.Stop();
        return (result, counts, parse.Elapsed, watch.Elapsed);
    }

    private static void Warn(string w) => Console.Error.WriteLine("warning: " + w);

    private static string NilReadsChoice(string? given, string? format, string file) => given switch
    {
        null => HistoryFormats.NilReadsDefault(format ?? HistoryFormats.Guess(file)),
        "unknown" or "value" => given,
        _ => throw new UsageException($"--nil-reads must be unknown or value (got '{given}')"),
    };
}
