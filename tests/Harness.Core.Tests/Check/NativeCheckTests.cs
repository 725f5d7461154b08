using Harness.Lab;
using NUnit.Framework;

namespace Harness.Core.Tests.Check;

/// <summary>
/// harness-check (the Native AOT build of the check verb that the entry script runs for history files) answers
/// exactly as the CLI does: the same JSON verdict (timings aside), exit code and error lines, for valid and invalid
/// histories in every format and for bad input; and it hands back (exit 3, nothing printed) what only the CLI does.
/// The test publishes harness-check itself (a minute or two); with no C toolchain to link it, the entry script falls
/// back to the CLI and this test is ignored.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NativeCheckTests
{
    private string _dir = "";
    private string _native = "";

    [OneTimeSetUp]
    public async Task PublishHarnessCheck()
    {
        if (!OnPath("clang") && !OnPath("gcc")) Assert.Ignore("no clang or gcc: Native AOT cannot link here (the entry script uses the CLI)");
        _dir = Directory.CreateTempSubdirectory("harness-native-check-").FullName;
        NativeCheckInputs.Write(_dir);
        Assert.That(File.Exists(CheckProcess.CliDll), Is.True, CheckProcess.CliDll);
        // HARNESS_CHECK_NATIVE names an already published harness-check of these sources (to rerun the test quickly).
        if (Environment.GetEnvironmentVariable("HARNESS_CHECK_NATIVE") is { Length: > 0 } given)
        {
            _native = given;
            return;
        }
        var project = Path.Combine(CheckProcess.RepoRoot, "src", "Harness.Check.Aot", "Harness.Check.Aot.csproj");
        var publish = await CheckProcess.RunAsync("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(_dir, "aot"),
            "--artifacts-path", Path.Combine(_dir, "artifacts"), "--nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false"], TimeSpan.FromMinutes(25));
        Assert.That(publish.Code, Is.EqualTo(0), publish.Stdout + publish.Stderr);
        _native = Path.Combine(_dir, "aot", "harness-check");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, tool)));

    private Task<CheckProcess.Outcome> NativeAsync(IReadOnlyDictionary<string, string>? env, params string[] args) =>
        CheckProcess.RunAsync(_native, args, TimeSpan.FromMinutes(3), env);

    private string Input(string name) => name.StartsWith("corpus:", StringComparison.Ordinal)
        ? Path.Combine(CheckProcess.RepoRoot, "tests", "Harness.Checkers.Tests", "Corpus", "porcupine", "jepsen", name[7..])
        : Path.Combine(_dir, name);

    [TestCase("corpus:etcd_000.log", "--model", "cas-register", "--initial-value", "nil", ExpectedResult = 1)]
    [TestCase("corpus:etcd_002.log", "--model", "cas-register", "--initial-value", "nil", ExpectedResult = 0)]
    [TestCase("corpus:etcd_009.log", "--model", "cas-register", "--initial-value", "nil", ExpectedResult = 1)]
    [TestCase("corpus:etcd_050.log", "--model", "cas-register", "--initial-value", "nil", "--no-partition", ExpectedResult = 1)]
    [TestCase("kv-ok.txt", "--model", "kv", ExpectedResult = 0)]
    [TestCase("kv-bad.txt", "--model", "kv", ExpectedResult = 1)]
    [TestCase("set.jsonl", "--workload", "set", ExpectedResult = 2)] // unknown: the sample run has no final reads
    [TestCase("register.edn", "--model", "cas-register", "--initial-value", "0", ExpectedResult = 0)]
    [TestCase("append-ok.edn", "--workload", "list-append", "--consistency-model", "serializable", ExpectedResult = 0)]
    [TestCase("write-skew.json", "--workload", "list-append", "--consistency-model", "serializable", ExpectedResult = 1)]
    [TestCase("write-skew.json", "--workload", "list-append", "--consistency-model", "read-committed", ExpectedResult = 0)]
    [TestCase("history.txt", "--workload", "list-append", ExpectedResult = 1)]
    [TestCase("rw.edn", "--workload", "rw-register", ExpectedResult = 0)]
    public async Task<int> TheSameVerdictAsTheCli(string input, params string[] options)
    {
        string[] args = ["check", Input(input), "--json", .. options];
        var cli = await CheckProcess.CliAsync(args);
        var native = await NativeAsync(null, args);
        Assert.That(native.Code, Is.EqualTo(cli.Code), native.Stderr);
        Assert.That(native.Stderr, Is.EqualTo(cli.Stderr));
        Assert.That(CheckProcess.WithoutTimes(native.Stdout), Is.EqualTo(CheckProcess.WithoutTimes(cli.Stdout)));
        Assert.That(native.Stdout, Does.Contain("\"total_ms\":").And.Contain("\"search_ms\":"));
        return native.Code;
    }

    [Test]
    public async Task TheSameSummaryAsTheCli()
    {
        string[] args = ["check", Input("corpus:etcd_000.log"), "--model", "cas-register", "--initial-value", "nil"];
        var (cli, native) = (await CheckProcess.CliAsync(args), await NativeAsync(null, args));
        Assert.That(native.Code, Is.EqualTo(1));
        Assert.That(native.Code, Is.EqualTo(cli.Code));
        static string Untimed(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"elapsed [0-9.]+ s", "elapsed _ s");
        Assert.That(Untimed(native.Stdout), Is.EqualTo(Untimed(cli.Stdout)).And.Contain("INVALID"));
    }

    [TestCase("garbage.edn", "--model", "register")]
    [TestCase("torn-middle.jsonl", "--model", "register")]
    [TestCase("deep.edn", "--model", "register")]
    [TestCase("missing-file.edn", "--model", "register")]
    [TestCase("corpus:etcd_000.log", "--model", "register", "--nil-reads", "maybe")]
    [TestCase("corpus:etcd_000.log", "--model", "register", "--format", "yaml")]
    [TestCase("corpus:etcd_000.log", "--model", "register", "--bogus")]
    [TestCase("corpus:etcd_000.log", "--time-limit", "soon")]
    [TestCase("set.jsonl")] // no checker named: both list the registered workloads
    public async Task TheSameRejectionOfBadInput(string input, params string[] options)
    {
        string[] args = ["check", Input(input), "--json", .. options];
        var cli = await CheckProcess.CliAsync(args);
        var native = await NativeAsync(null, args);
        Assert.That(cli.Code, Is.EqualTo(254), cli.Stderr);
        Assert.That(native.Code, Is.EqualTo(254), native.Stderr);
        Assert.That(native.Stderr, Is.EqualTo(cli.Stderr).And.StartWith("harness: "));
        Assert.That(native.Stdout, Is.Empty);
    }

    [Test]
    public async Task HandsBackWhatOnlyTheCliDoes()
    {
        var delegating = new Dictionary<string, string> { ["HARNESS_CHECK_DELEGATE"] = "1" };
        var sampleRun = Path.Combine(AppContext.BaseDirectory, "Reports", "Samples", "kill");
        foreach (var args in new[]
                 {
                     new[] { "check", sampleRun },                                              // a stored run
                     ["check", Path.Combine(sampleRun, "history.jsonl"), "--workload", "set"], // a test.json beside the history
                     ["check", Input("set.jsonl"), "--workload", "no-such-workload"],
                     ["check", "--help"],
                     ["run"],
                 })
        {
            var handed = await NativeAsync(delegating, args);
            Assert.That((handed.Code, handed.Stdout, handed.Stderr), Is.EqualTo((3, "", "")), string.Join(" ", args));
            var byHand = await NativeAsync(null, args);
            Assert.That(byHand.Code, Is.EqualTo(254));
            Assert.That(byHand.Stderr, Does.StartWith("harness-check: ").And.Contain("use ./harness check"));
        }
    }

    [Test]
    public async Task KnowsEveryRegisteredWorkloadOfHarnessWorkloads()
    {
        var delegating = new Dictionary<string, string> { ["HARNESS_CHECK_DELEGATE"] = "1" };
        var builtIn = HarnessModules.Registry.Workloads.Where(w => w.GetType().Assembly.GetName().Name == "Harness.Workloads").Select(w => w.Name).ToList();
        Assert.That(builtIn, Has.Count.GreaterThanOrEqualTo(4));
        foreach (var name in builtIn)
        {
            var r = await NativeAsync(delegating, "check", Input("set.jsonl"), "--workload", name, "--json");
            Assert.That(r.Code, Is.Not.EqualTo(3), $"harness-check hands --workload {name} back to the CLI");
        }
    }
}
