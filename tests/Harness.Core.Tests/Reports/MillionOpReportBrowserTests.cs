using System.Diagnostics;
using System.Globalization;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// The report of a 1,000,000-operation history (2 M lines, made in-process by <see cref="SyntheticRun"/>: eight
/// processes, a partition and a kill, an invalid verdict naming an operation that wrote a script tag) stays under
/// 10 MB and opens in headless Chromium without script errors, its verdict and plots visible and the script tag shown
/// as text. How long it took to write and to open is printed (a figure, not an assertion: the machine is shared), and a
/// screenshot is attached.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class MillionOpReportBrowserTests
{
    private const int ClientOps = 1_000_000;
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-browser-1m-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task AMillionOperationReportIsSmallAndOpensCleanlyWithVerdictPlotsAndEscapedText()
    {
        ReportBrowserTests.EnsureChromium();
        var clock = Stopwatch.StartNew();
        var run = SyntheticRun.Create(_root, clientOps: ClientOps);
        var made = clock.Elapsed;
        var report = HtmlReport.Write(run);
        var written = clock.Elapsed - made;
        var bytes = new FileInfo(report).Length;
        Assert.That(bytes, Is.LessThan(10L * 1024 * 1024), "the report stays under 10 MB");

        await using var page = await CdpPage.StartAsync();
        var opening = Stopwatch.StartNew();
        await page.NavigateAsync(new Uri(report).AbsoluteUri);
        var opened = opening.Elapsed;
        var loadMs = (await page.EvaluateAsync("performance.getEntriesByType('navigation')[0].loadEventEnd"))!.GetValue<double>();

        var banner = await page.EvaluateAsync("(() => { const v = document.querySelector('.verdict'); const r = v.getBoundingClientRect(); " +
                                              "return r.width > 0 && r.height > 0 ? v.textContent : ''; })()");
        Assert.That(banner?.GetValue<string>(), Is.EqualTo("INVALID"), "verdict banner visible");
        var plots = await page.EvaluateAsync("[...document.querySelectorAll('img.plot')].filter(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 0).map(i => i.dataset.plot).join(',')");
        Assert.That(plots!.GetValue<string>().Split(','), Is.SupersetOf(new[] { "latency", "throughput" }), "latency and throughput plots decoded and shown");
        var shownAsText = await page.EvaluateAsync("(document.querySelectorAll('details').forEach(d => d.open = true), document.body.innerText.includes(" +
                                                   System.Text.Json.JsonSerializer.Serialize(SyntheticRun.Malicious) + "))");
        Assert.That(shownAsText?.GetValue<bool>(), Is.True, "the database's script tag is shown as text");
        Assert.That((await page.EvaluateAsync("document.scripts.length"))!.GetValue<int>(), Is.Zero, "no script element at all");
        Assert.That(page.Exceptions, Is.Empty, "no script errors");

        var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-1m-ops.png");
        await File.WriteAllBytesAsync(shot, await page.ScreenshotAsync());
        Assert.That(new FileInfo(shot).Length, Is.GreaterThan(10_000), "a real screenshot");
        TestContext.AddTestAttachment(shot, "the 1M-operation report in Chromium");
        var history = new FileInfo(Path.Combine(run, "history.jsonl")).Length;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1m-report: {ClientOps} client ops, history {history / 1048576.0:0.0} MiB made in {made.TotalSeconds:0.0} s; report {bytes / 1024.0:0} KiB written in {written.TotalSeconds:0.0} s; " +
            $"opened in {opened.TotalMilliseconds:0} ms (navigation to load event; loadEventEnd {loadMs:0} ms); load average {File.ReadAllText("/proc/loadavg").Trim()}"));
    }
}
