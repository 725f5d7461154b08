using System.CommandLine;
using System.Diagnostics;
using Harness.Cli.Catalog;
using Harness.Cli.Terminal;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Runner;

namespace Harness.Cli.Commands;

/// <summary><c>harness check</c>: re-checks a stored run, or checks any history file (ours, Jepsen EDN, elle-cli
/// JSON, Porcupine's logs) with a named model or workload, without a cluster.</summary>
internal static class CheckCommand
{
    private static readonly Option<string?> Model = new("--model") { Description = "Linearizability model: register | cas-register | kv | multi-register | set | queue | mutex." };
    private static readonly Option<string?> Workload = new("--workload") { Description = "Workload checker: a registered workload's name." };
    private static readonly Option<string?> ConsistencyModel = new("--consistency-model") { Description = "Transactional model to check against (read-uncommitted ... strict-serializable).", DefaultValueFactory = _ => null };
    private static readonly Option<string?> InitialValue = new("--initial-value") { Description = "Initial model state, e.g. 0 for a register (default: absent/empty)." };
    private static readonly Option<string?> Format = new("--format") { Description = "History format: jsonl | edn | history-txt (Jepsen's tab-separated history.txt) | elle-json | porcupine-etcd | porcupine-kv (default: from the file name, then its first line)." };
    private static readonly Option<string?> NilReads = new("--nil-reads") { Description = "An ok read of nil is: unknown (any state explains it, as Knossos reads it; default for edn and history-txt) | value (the absent value; default for jsonl, elle-json, porcupine-*)." };
    private static readonly Option<double> TimeLimit = new("--time-limit") { Description = "Seconds the check may take (0 = none); past it the verdict is unknown.", DefaultValueFactory = _ => 0 };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object (valid, model, ops, elapsed_ms, anomalies, not) instead of the summary." };
    private static readonly Option<bool> NoPartition = new("--no-partition") { Description = "Linearizability: check the whole history as one, without splitting by key (slower; for comparison)." };
    private static readonly Argument<string> Target = new("path") { Description = "A run directory (or 'latest'), or a history file." };

    /// <summary>The check verb. <paramref name="listWorkloads"/> names the registered workloads in the help of
    /// --workload, which loads every module; <c>harness check</c> itself skips it (see <see cref="Program"/>).</summary>
    public static Command Build(bool listWorkloads = true)
    {
        if (listWorkloads)
            Workload.Description = "Workload checker: " + string.Join(" | ", CheckerChoice.WorkloadNames) + " (the registered workloads).";
        var cmd = new Command("check", "Check a stored run or a history file without a cluster; exit 0 valid, 1 invalid, 2 unknown.");
        cmd.Arguments.Add(Target);
        foreach (var o in new Option[] { Model, Workload, ConsistencyModel, InitialValue, Format, NilReads, TimeLimit, Json, NoPartition }) cmd.Options.Add(o);
        cmd.SetAction((p, ct) => Task.FromResult(Execute(p, ct)));
        return cmd;
    }

    private static int Execute(ParseResult p, CancellationToken ct)
    {
        var target = p.GetValue(Target)!;
        var store = new RunStore("store");
        var runDir = Directory.Exists(target) || target == "latest" ? store.Resolve(target) : null;
        var file = runDir is null ? target : Path.Combine(runDir, RunStore.HistoryFile);
        if (!File.Exists(file)) throw new UsageException($"{file}: no such file");
        var testDir = runDir ?? Path.GetDirectoryName(Path.GetFullPath(file))!;
        var test = FindTest(testDir);
        var (checker, options, label) = CheckerChoice.Choose(p.GetValue(Model), p.GetValue(Workload), test, testDir);
        var opts = new Dictionary<string, string>(options);
        if (p.GetValue(InitialValue) is { } iv) opts["initial-value"] = iv;
        if (p.GetValue(ConsistencyModel) is { } cm) opts["consistency-model"] = cm;
        if (p.GetValue(NoPartition)) opts["split"] = "false";
        var parse = Stopwatch.StartNew();
        Harness.Core.History.History? history = HistoryFiles.Read(file, p.GetValue(Format), w => Console.Error.WriteLine("warning: " + w));
        parse.Stop();
        opts["nil-reads"] = NilReadsChoice(p.GetValue(NilReads), p.GetValue(Format), file);
        var watch = Stopwatch.StartNew();
        var limit = p.GetValue(TimeLimit);
        var result = checker.Check(history, new CheckContext
        {
            TimeLimit = limit > 0 ? TimeSpan.FromSeconds(limit) : null,
            Cancellation = ct,
            Options = opts,
        });
        watch.Stop();
        var counts = Harness.Lab.Internal.RunReports.Count(history);
        history = null; // let go (even in unoptimised code) before the report reads its own copy
        var written = new List<string>();
        if (runDir is not null && test is not null)
            written.AddRange(Harness.Lab.Internal.RunReports.Rewrite(runDir, test, result, watch.Elapsed, store.Root, Harness.Lab.HarnessModules.Registry.FaultColours).All);
        if (p.GetValue(Json)) Console.Out.WriteLine(CheckJson.Render(result, label, counts.Operations, watch.Elapsed, parse.Elapsed));
        else RunSummary.Print(test, counts, result, watch.Elapsed, written);
        return RunCommand.ExitCodeFor(result.Validity);
    }

    private static string NilReadsChoice(string? given, string? format, string file) => given switch
    {
        null => Harness.Core.Formats.HistoryFormats.NilReadsDefault(format ?? Harness.Core.Formats.HistoryFormats.Guess(file)),
        "unknown" or "value" => given,
        _ => throw new UsageException($"--nil-reads must be unknown or value (got '{given}')"),
    };

    private static TestSpec? FindTest(string dir)
    {
        var path = Path.Combine(dir, RunStore.TestFile);
        if (!File.Exists(path)) return null;
        try
        {
            return TestSpec.FromJson(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Harness.Core.Formats.HistoryFormatException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a test spec (JSON object): " + e.Message);
        }
    }
}
