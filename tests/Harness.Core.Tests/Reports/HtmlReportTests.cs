using System.Text.RegularExpressions;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

public class HtmlReportTests
{
    private string _root = "";

    // Set HARNESS_KEEP_REPORTS=/some/dir to keep the generated runs and reports there for a look in a browser.
    private static readonly string? Keep = Environment.GetEnvironmentVariable("HARNESS_KEEP_REPORTS");

    [SetUp]
    public void SetUp() => _root = string.IsNullOrEmpty(Keep)
        ? Directory.CreateTempSubdirectory("harness-report-").FullName
        : Directory.CreateDirectory(Path.Combine(Keep, TestContext.CurrentContext.Test.Name)).FullName;

    [TearDown]
    public void TearDown()
    {
        if (string.IsNullOrEmpty(Keep)) Directory.Delete(_root, recursive: true);
    }

    [Test]
    public void ReportHasVerdictPlotsLegendAndEscapesDatabaseText()
    {
        var run = SyntheticRun.Create(_root);
        var path = HtmlReport.Write(run);
        Assert.That(path, Is.EqualTo(Path.Combine(run, "report.html")));
        var html = File.ReadAllText(path);

        Assert.That(html, Does.Contain("<div class=\"verdict verdict-invalid\">INVALID</div>"));
        Assert.That(Regex.Count(html, "src=\"data:image/png;base64,"), Is.EqualTo(5), "latency, throughput, lag ms, lag bytes, lost writes");
        foreach (var kind in new[] { "latency", "throughput", "lag", "lost-writes" })
            Assert.That(html, Does.Contain($"data-plot=\"{kind}\""), kind);
        Assert.That(html, Does.Contain("class=\"fault-legend\"").And.Contain(">partition</span>").And.Contain(">kill</span>"));

        Assert.That(html, Does.Not.Contain("<script"), "nothing from the database may become markup");
        Assert.That(html, Does.Not.Contain("<i>cannot</i>").And.Not.Contain("<b>timeout</b>"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(html, Does.Contain("&lt;b&gt;timeout&lt;/b&gt;"));
        Assert.That(html, Does.Not.Contain("src=\"http").And.Not.Contain("href=\"http").And.Not.Contain("<link").And.Not.Contain("@import"),
            "self-contained: nothing fetched from the network");
        Assert.That(html.Length, Is.LessThan(2_000_000));
    }

    [Test]
    public void AnomaliesShowTheirOperationsTimelineAndTheCheckersOwnDrawing()
    {
        var html = File.ReadAllText(HtmlReport.Write(SyntheticRun.Create(_root)));
        Assert.That(html, Does.Contain("<svg id=\"cycle-drawing\""), "the checker's SVG is embedded as is");
        Assert.That(html, Does.Contain("<svg class=\"timeline\""), "linearizability anomalies get a timeline");
        var anomaly = html[html.IndexOf("<h4>nonlinearizable</h4>", StringComparison.Ordinal)..];
        anomaly = anomaly[..anomaly.IndexOf("</div>\n</div>", StringComparison.Ordinal)];
        Assert.That(Regex.Count(anomaly, "<tr><td>(40|41|50|52)</td>"), Is.EqualTo(4), "the four named ops are tabled");
        Assert.That(html, Does.Contain("href=\"history.jsonl\"").And.Contain("href=\"logs/pg1.log\"").And.Contain("href=\"lag.jsonl\""));
        Assert.That(html, Does.Contain("start-partition").And.Contain("&quot;pg1 | pg2 pg3&quot;"), "nemesis table");
    }

    [Test]
    public void SameFilesGiveTheSameBytes()
    {
        var run = SyntheticRun.Create(_root);
        var first = HtmlReport.Render(run);
        var second = HtmlReport.Render(run);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void MissingFilesLeaveNotesInsteadOfFailing()
    {
        var run = SyntheticRun.Create(_root);
        File.Delete(Path.Combine(run, "results.json"));
        File.Delete(Path.Combine(run, "lag.jsonl"));
        Directory.Delete(Path.Combine(run, "logs"), recursive: true);
        var html = File.ReadAllText(HtmlReport.Write(run));
        Assert.That(html, Does.Contain("NO RESULT").And.Contain("results.json is missing"));
        Assert.That(html, Does.Contain("No replication-lag samples"));
        Assert.That(Regex.Count(html, "src=\"data:image/png;base64,"), Is.EqualTo(2), "latency and throughput only");
    }

    [Test]
    public void AHundredThousandOpHistoryStaysSmall()
    {
        var run = SyntheticRun.Create(_root, clientOps: 50_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var html = File.ReadAllText(HtmlReport.Write(run));
        TestContext.Out.WriteLine($"report for 100,000 ops: {html.Length:N0} characters in {clock.ElapsedMilliseconds} ms"); // a figure, not an assertion
        Assert.That(html.Length, Is.LessThan(4_000_000));
        Assert.That(Regex.Count(html, "src=\"data:image/png;base64,"), Is.EqualTo(5));
    }
}
