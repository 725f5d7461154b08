using Harness.Checkers.Transactional;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Transactional;

public class ElleBenchmarkTests
{
    [Test]
    public void GeneratedHistoriesAreValidAndDeterministic()
    {
        var a = ElleBenchmark.GenerateListAppend(2000, seed: 7);
        var b = ElleBenchmark.GenerateListAppend(2000, seed: 7);
        Assert.That(a.Count, Is.EqualTo(4000));
        Assert.That(a.Ops.Select(o => Core.History.ValueText.Format(o.Value)), Is.EqualTo(b.Ops.Select(o => Core.History.ValueText.Format(o.Value))));
        var r = new TransactionalChecker().Check(a, CheckContext.Default);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That((long)r.Stats["rw-edges"]!, Is.GreaterThan(0));
    }

    /// <summary>Run by hand in Release: dotnet test -c Release --filter "Category=Benchmark". Writes
    /// checkers/benchmarks/elle-benchmark.md; asserts correctness only, never time.</summary>
    [Test, Explicit, Category("Benchmark")]
    public void WriteBenchmarkReport()
    {
        var sizes = (Environment.GetEnvironmentVariable("ELLE_BENCH_SIZES") ?? "100000,1000000").Split(',').Select(int.Parse);
        ElleBenchmark.Measure(10_000); // warms up the JIT; not reported
        var results = new List<ElleBenchmarkResult>();
        foreach (var n in sizes) results.Add(ElleBenchmark.Measure(n));
        var root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "Harness.sln"))) root = Path.GetDirectoryName(root)!;
        var text = ElleBenchmark.WriteReport(Path.Combine(root, "checkers", "benchmarks", "elle-benchmark.md"), results,
            $"Measured on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Diagnostics.Debugger.IsAttached ? "debugger" : "no debugger")}.");
        TestContext.Out.WriteLine(text);
        Assert.That(results.Select(r => r.Validity), Is.All.EqualTo(Validity.Valid));
    }
}
