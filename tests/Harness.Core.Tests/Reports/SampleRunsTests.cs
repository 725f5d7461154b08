using Harness.Core.Formats;
using Harness.Core.History;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>The checked-in sample runs are what <see cref="SampleRuns"/> writes (set HARNESS_WRITE_SAMPLES to the
/// Samples folder of the source tree to regenerate them), and their fault windows read back as recorded.</summary>
public class SampleRunsTests
{
    private static readonly string Checked = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Samples");

    [TestCaseSource(typeof(ReportBrowserTests), nameof(ReportBrowserTests.Faults))]
    public void SampleRunIsUpToDateAndSmall(string fault)
    {
        var write = Environment.GetEnvironmentVariable("HARNESS_WRITE_SAMPLES");
        var scenario = SampleCatalog.All.Single(s => s.Fault == fault);
        if (!string.IsNullOrEmpty(write)) SampleRuns.Write(write, scenario);
        var fresh = SampleRuns.Write(Directory.CreateTempSubdirectory("harness-sample-").FullName, scenario);
        try
        {
            foreach (var name in new[] { "history.jsonl", "lag.jsonl", "results.json", "test.json" })
                Assert.That(File.ReadAllText(Path.Combine(Checked, fault, name)), Is.EqualTo(File.ReadAllText(Path.Combine(fresh, name))), name);
            var ops = JsonlHistory.Read(Path.Combine(Checked, fault, "history.jsonl"));
            Assert.That(ops, Has.Count.InRange(400, 700), "a few hundred client ops (invoke + completion)");
            var window = FaultWindow.From(ops).Single();
            Assert.That(window.InvokedNs, Is.EqualTo(SampleScenario.Ns(scenario.Steps[0].At)));
            Assert.That(window.InEffectNs, Is.EqualTo(SampleScenario.Ns(scenario.Steps[0].Done)));
            Assert.That(window.StopInvokedNs, Is.EqualTo(SampleScenario.Ns(scenario.Steps[1].At)));
            Assert.That(window.HealedNs, Is.EqualTo(SampleScenario.Ns(scenario.Steps[1].Done)));
            Assert.That(window.Nodes, Is.Not.Empty);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(fresh)!, recursive: true);
        }
    }
}
