using Harness.Checkers.Linearizability;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Runs the benchmark on demand (never in the normal suite: timings are not assertions). Writes
/// bench-linearizability.csv / .md plus the extra rows to TestContext's work directory.</summary>
[Explicit("benchmark: run by hand in Release")]
public class LinearizabilityBenchmarkRun
{
    [Test]
    public void PorcupineCorpusAndLargeHistories()
    {
        var outDir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "bench");
        var rows = new List<BenchmarkRow>();
        rows.AddRange(LinearizabilityBenchmark.Run(CorpusLocator.PorcupineDir("jepsen"), Path.Combine(outDir, "etcd")));
        rows.AddRange(LinearizabilityBenchmark.Run(CorpusLocator.PorcupineDir("kv"), Path.Combine(outDir, "kv")));
        rows.Add(LinearizabilityBenchmark.RunUnsplitKv(Path.Combine(CorpusLocator.PorcupineDir("kv"), "c10-ok.txt")));
        rows.Add(LinearizabilityBenchmark.RunUnsplitKv(Path.Combine(CorpusLocator.PorcupineDir("kv"), "c10-bad.txt")));
        rows.Add(LinearizabilityBenchmark.RunGeneratedKv());
        LinearizabilityBenchmark.Write(rows, outDir);
        TestContext.Out.WriteLine(File.ReadAllText(Path.Combine(outDir, "bench-linearizability.md")));
        Assert.That(rows.Where(r => r.Mismatch), Is.Empty);
    }
}
