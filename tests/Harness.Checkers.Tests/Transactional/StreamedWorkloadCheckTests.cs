using System.Text.Json.Nodes;
using Harness.Checkers.Stats;
using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// <c>harness check</c> streams a transactional history into the list-append / rw-register workload's checkers
/// (transactional + stats) instead of holding it. Over every <see cref="EquivalenceHistories"/> history (over 40 of
/// them invalid), the streamed answer must be the whole history's answer exactly: the full results.json (validity,
/// summary, counts, examples, explanations, every stat but the timings), also when the history goes through an
/// elle-cli JSON file and our JSONL file and is read back as a stream.
/// </summary>
public class StreamedWorkloadCheckTests
{
    private static readonly HashSet<string> Timings = ["elapsed-ms", "read-ms", "analysis-ms", "graph-ms", "cycle-search-ms"];

    private static CompositeChecker Workload() => new("list-append-workload", [new TransactionalChecker(), new StatsChecker()]);

    private static CheckContext Context(string workload, string model) =>
        new() { Options = new Dictionary<string, string> { ["workload"] = workload, ["consistency-model"] = model } };

    /// <summary>The results.json text without timings.</summary>
    public static string Answer(CheckResult r)
    {
        var node = JsonNode.Parse(CheckResultJson.Serialize(r))!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(kv => kv.Key).Where(Timings.Contains).ToList()) o.Remove(key);
            foreach (var (_, child) in o) if (child is not null) Strip(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) if (child is not null) Strip(child);
        }
    }

    private static CheckResult Streamed(IEnumerable<Op> ops, CheckContext context)
    {
        var check = Workload().Begin(context)!;
        foreach (var op in ops) check.Add(op);
        return check.Finish();
    }

    [Test]
    public void StreamedOperationsGiveTheWholeHistorysResultsJson()
    {
        var invalid = 0;
        foreach (var h in EquivalenceHistories.All())
            foreach (var model in new[] { "strict-serializable", "read-committed" })
            {
                var context = Context(h.Workload, model);
                var whole = Workload().Check(h.History, context);
                if (whole.Validity == Validity.Invalid) invalid++;
                Assert.That(Answer(Streamed(h.History.Ops, context)), Is.EqualTo(Answer(whole)), h.Name + " " + model);
            }
        Assert.That(invalid, Is.GreaterThan(40), "the set must hold many invalid histories");
    }

    [Test]
    public void StreamedFilesGiveTheWholeHistorysResultsJson()
    {
        var dir = Directory.CreateTempSubdirectory("harness-streamed-check-").FullName;
        try
        {
            foreach (var h in EquivalenceHistories.All().Where((_, i) => i % 3 == 0))
            {
                var json = Path.Combine(dir, "h.json");
                var jsonl = Path.Combine(dir, "h.jsonl");
                ElleJsonHistory.Write(json, h.History.Ops);
                JsonlHistory.Write(jsonl, h.History.Ops);
                var context = Context(h.Workload, "strict-serializable");
                var whole = Answer(Workload().Check(History.Of(HistoryFormats.Read(json)), context));
                Assert.That(Answer(Workload().Check(h.History, context)), Is.EqualTo(whole), h.Name + ": the file holds the history");
                Assert.That(Answer(Streamed(HistoryFormats.Stream(json), context)), Is.EqualTo(whole), h.Name + " (elle-json)");
                Assert.That(Answer(Streamed(HistoryFormats.Stream(jsonl), context)), Is.EqualTo(whole), h.Name + " (jsonl)");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A composite with a member that needs the whole history does not stream: the caller reads it whole.</summary>
    [Test]
    public void ACompositeWithAWholeHistoryMemberDoesNotStream()
    {
        var composite = new CompositeChecker("mixed", [new TransactionalChecker(), new Harness.Checkers.Linearizability.LinearizabilityChecker()]);
        Assert.That(composite.Begin(CheckContext.Default), Is.Null);
        Assert.That(Workload().Begin(CheckContext.Default), Is.Not.Null);
    }

    /// <summary>A member that throws while fed is Unknown with the reason, as when it throws checking a whole history.</summary>
    [Test]
    public void AMemberThatThrowsIsUnknownAndTheOthersStillAnswer()
    {
        var composite = new CompositeChecker("c", [new TransactionalChecker(), new Throwing()]);
        var history = ElleBenchmark.GenerateListAppend(50, 3);
        var streamed = Streamed(history.Ops, CheckContext.Default, composite);
        var whole = composite.Check(history, CheckContext.Default);
        Assert.That(streamed.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(streamed.Children.Select(c => c.Summary), Has.Some.EqualTo("checker crashed: boom"));
        Assert.That(Answer(streamed), Is.EqualTo(Answer(whole)));
    }

    private static CheckResult Streamed(IEnumerable<Op> ops, CheckContext context, CompositeChecker composite)
    {
        var check = composite.Begin(context)!;
        foreach (var op in ops) check.Add(op);
        return check.Finish();
    }

    private sealed class Throwing : IStreamingChecker, IStreamingCheck
    {
        public string Name => "throwing";

        public CheckResult Check(History history, CheckContext context) => throw new InvalidOperationException("boom");

        public IStreamingCheck Begin(CheckContext context) => this;

        public void Add(Op op) => throw new InvalidOperationException("boom");

        public CheckResult Finish() => throw new InvalidOperationException("unreachable");
    }
}
