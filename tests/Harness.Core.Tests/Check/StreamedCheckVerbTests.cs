using System.CommandLine;
using Harness.Check;
using Harness.Checkers.Transactional;
using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Check;

/// <summary>
/// <c>harness check --workload list-append | rw-register</c> streams the history file into the checkers instead of
/// holding it (elle-cli JSON and our JSONL are read as streams). It must answer exactly as the whole-history path
/// (<c>HARNESS_CHECK_STREAM=0</c>): the same exit code, JSON verdict (timings aside) and error lines, for valid and
/// invalid histories in every format and for histories that must be rejected (unpaired operations, bad JSON, a bad
/// line in the middle, an unknown format), and the same warning for a torn last line.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StreamedCheckVerbTests
{
    private string _dir = "";

    [OneTimeSetUp]
    public void WriteInputs()
    {
        _dir = Directory.CreateTempSubdirectory("harness-streamed-verb-").FullName;
        NativeCheckInputs.Write(_dir);
        var generated = ElleBenchmark.GenerateListAppend(400, 7).Ops;
        ElleJsonHistory.Write(Path.Combine(_dir, "gen.json"), generated);
        JsonlHistory.Write(Path.Combine(_dir, "gen.jsonl"), generated);
        var stale = generated.Select(StaleRead).ToList();
        ElleJsonHistory.Write(Path.Combine(_dir, "stale.json"), stale);
        JsonlHistory.Write(Path.Combine(_dir, "stale.jsonl"), stale);
        var jsonl = File.ReadAllText(Path.Combine(_dir, "gen.jsonl"));
        File.WriteAllText(Path.Combine(_dir, "torn-tail.jsonl"), jsonl[..^30]);
        File.WriteAllText(Path.Combine(_dir, "bad-middle.jsonl"), jsonl.Insert(jsonl.IndexOf('\n', jsonl.Length / 2) + 1, "{\"index\": oops}\n"));
        var json = File.ReadAllText(Path.Combine(_dir, "gen.json"));
        File.WriteAllText(Path.Combine(_dir, "bad-middle.json"), json.Insert(json.IndexOf('\n', json.Length / 2) + 1, "{\"type\": \"ok\", ]"));
        var twice = generated.Take(1).Concat(generated).ToList(); // process 0 invokes while its first invocation is open
        ElleJsonHistory.Write(Path.Combine(_dir, "double-invoke.json"), twice);
        JsonlHistory.Write(Path.Combine(_dir, "double-invoke.jsonl"), twice);
        var orphan = generated.Where((op, i) => i != 0).ToList(); // a completion with no invocation
        ElleJsonHistory.Write(Path.Combine(_dir, "orphan.json"), orphan);
        var orphanJson = File.ReadAllText(Path.Combine(_dir, "orphan.json"));
        File.WriteAllText(Path.Combine(_dir, "orphan-then-bad.json"), orphanJson[..^200] + "}}]]");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        Environment.SetEnvironmentVariable("HARNESS_CHECK_STREAM", null);
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The generated history with some ok reads' lists reversed (incompatible orders: anomalies).</summary>
    private static Op StaleRead(Op op, int i)
    {
        if (i < 200 || op.Type != OpType.Ok || op.Value is not IReadOnlyList<object?> mops) return op;
        var read = mops.FirstOrDefault(m => m is IReadOnlyList<object?> { Count: 3 } r && Equals(r[0], "r") && r[2] is IReadOnlyList<object?> { Count: >= 2 });
        if (read is not IReadOnlyList<object?> r2 || i % 7 != 0) return op;
        var list = (IReadOnlyList<object?>)r2[2]!;
        var shorter = new object?[] { r2[0], r2[1], list.Reverse().ToArray() };
        return op with { Value = mops.Select(m => ReferenceEquals(m, read) ? shorter : m).ToArray() };
    }

    private static async Task<(int Code, string Stdout, string Stderr)> CheckAsync(bool stream, string[] args)
    {
        Environment.SetEnvironmentVariable("HARNESS_CHECK_STREAM", stream ? null : "0");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var root = new RootCommand("test");
            root.Subcommands.Add(CheckVerb.Build(new FileCheckHost(), listWorkloads: false));
            var code = await CommandRunner.RunAsync(root, args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [TestCase("gen.json", "list-append", "strict-serializable", ExpectedResult = 0)]
    [TestCase("gen.jsonl", "list-append", "strict-serializable", ExpectedResult = 0)]
    [TestCase("stale.json", "list-append", "strict-serializable", ExpectedResult = 1)]
    [TestCase("stale.jsonl", "list-append", "read-committed", ExpectedResult = 1)]
    [TestCase("write-skew.json", "list-append", "serializable", ExpectedResult = 1)]
    [TestCase("write-skew.json", "list-append", "read-committed", ExpectedResult = 0)]
    [TestCase("append-ok.edn", "list-append", "serializable", ExpectedResult = 0)]
    [TestCase("history.txt", "list-append", "strict-serializable", ExpectedResult = 1)]
    [TestCase("rw.edn", "rw-register", "strict-serializable", ExpectedResult = 0)]
    [TestCase("torn-tail.jsonl", "list-append", "strict-serializable", ExpectedResult = 0)]
    public async Task<int> TheSameVerdictAsTheWholeHistory(string input, string workload, string model)
    {
        string[] args = ["check", Path.Combine(_dir, input), "--json", "--workload", workload, "--consistency-model", model];
        var whole = await CheckAsync(stream: false, args);
        var streamed = await CheckAsync(stream: true, args);
        Assert.That(streamed.Code, Is.EqualTo(whole.Code), streamed.Stderr);
        Assert.That(streamed.Stderr, Is.EqualTo(whole.Stderr));
        Assert.That(CheckProcess.WithoutTimes(streamed.Stdout), Is.EqualTo(CheckProcess.WithoutTimes(whole.Stdout)));
        if (input.StartsWith("torn", StringComparison.Ordinal)) Assert.That(streamed.Stderr, Does.Contain("skipped a torn last line"));
        return streamed.Code;
    }

    [TestCase("bad-middle.json")]
    [TestCase("bad-middle.jsonl")]
    [TestCase("double-invoke.json")]
    [TestCase("double-invoke.jsonl")]
    [TestCase("orphan.json")]
    [TestCase("orphan-then-bad.json")]
    [TestCase("torn-middle.jsonl")]
    [TestCase("gen.json", "--format", "yaml")]
    public async Task TheSameRejection(string input, params string[] options)
    {
        string[] args = ["check", Path.Combine(_dir, input), "--json", "--workload", "list-append", .. options];
        var whole = await CheckAsync(stream: false, args);
        var streamed = await CheckAsync(stream: true, args);
        Assert.That((whole.Code, streamed.Code), Is.EqualTo((254, 254)), whole.Stderr + streamed.Stderr);
        Assert.That(streamed.Stderr, Is.EqualTo(whole.Stderr).And.StartWith("harness: "));
        Assert.That(streamed.Stdout, Is.Empty);
        if (input.StartsWith("orphan-then", StringComparison.Ordinal)) Assert.That(streamed.Stderr, Does.Not.Contain("paired"));
        else if (input.Contains("invoke") || input.StartsWith("orphan", StringComparison.Ordinal)) Assert.That(streamed.Stderr, Does.Contain("paired invocations"));
    }
}
