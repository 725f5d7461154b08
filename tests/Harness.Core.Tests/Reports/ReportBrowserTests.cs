using System.Diagnostics;
using System.Globalization;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// Renders the report of each checked-in sample run (one per fault kind) and looks at it in headless Chromium:
/// the verdict banner is visible, the first fault band starts at the nemesis's invoke time (data attributes of the
/// lane and the nemesis table agree with the history), no script runs or fails, and database text containing a
/// script tag appears as text. A screenshot of each page is attached to the test.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ReportBrowserTests
{
    private static readonly string SamplesFolder = Path.Combine(TestContext.CurrentContext.TestDirectory, "Reports", "Samples");
    private CdpPage? _page;
    private string _root = "";

    [OneTimeSetUp]
    public async Task StartBrowserAsync()
    {
        EnsureChromium();
        _page = await CdpPage.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopBrowserAsync()
    {
        if (_page is not null) await _page.DisposeAsync();
    }

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-browser-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    public static IEnumerable<string> Faults => SampleCatalog.All.Select(s => s.Fault);

    [TestCaseSource(nameof(Faults))]
    public async Task SampleReportShowsVerdictBandsAtInvokeAndNoScriptRuns(string fault)
    {
        var run = CopySample(fault);
        var report = HtmlReport.Write(run);
        var page = _page!;
        await page.NavigateAsync(new Uri(report).AbsoluteUri);

        var banner = await page.EvaluateAsync("(() => { const v = document.querySelector('.verdict'); const r = v.getBoundingClientRect(); " +
                                              "return r.width > 0 && r.height > 0 && getComputedStyle(v).visibility === 'visible' ? v.textContent : ''; })()");
        Assert.That(banner?.GetValue<string>(), Is.AnyOf("VALID", "INVALID", "UNKNOWN"), "verdict banner visible");

        var invoke = SampleScenario.Ns(SampleCatalog.All.Single(s => s.Fault == fault).Steps[0].At);
        var bandStart = await page.EvaluateAsync($"document.querySelector('rect.fault-band[data-fault=\"{fault}\"]').getAttribute('data-start-ns')");
        var tableInvoked = await page.EvaluateAsync($"document.querySelector('tr.fault-window[data-fault=\"{fault}\"]').dataset.invokedNs");
        Assert.That(long.Parse(bandStart!.GetValue<string>(), CultureInfo.InvariantCulture), Is.EqualTo(invoke), "band starts at the invoke");
        Assert.That(long.Parse(tableInvoked!.GetValue<string>(), CultureInfo.InvariantCulture), Is.EqualTo(invoke), "table row says the same");

        var shownAsText = await page.EvaluateAsync("(document.querySelectorAll('details').forEach(d => d.open = true), document.body.innerText.includes(" + System.Text.Json.JsonSerializer.Serialize(SampleRuns.Script) + "))");
        Assert.That(shownAsText?.GetValue<bool>(), Is.True, "the log's script tag is shown as text");
        var pwned = await page.EvaluateAsync("typeof window.__pwned === 'undefined' && document.title !== 'pwned' && document.scripts.length === 0");
        Assert.That(pwned?.GetValue<bool>(), Is.True, "no script from the database ran");
        Assert.That(page.Exceptions, Is.Empty, "no script errors");

        var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"report-{fault}.png");
        await File.WriteAllBytesAsync(shot, await page.ScreenshotAsync());
        Assert.That(new FileInfo(shot).Length, Is.GreaterThan(10_000), "a real screenshot");
        TestContext.AddTestAttachment(shot, $"the {fault} sample report in Chromium");
    }

    [Test]
    public async Task PartitionFailoverLocatesEveryLostWriteInTheIsolationPhase()
    {
        var report = HtmlReport.Write(CopySample("partition-failover"));
        await _page!.NavigateAsync(new Uri(report).AbsoluteUri);
        var sentence = (await _page.EvaluateAsync("document.querySelector('p.located[data-kind=\"lost\"]').textContent"))!.GetValue<string>();
        Assert.That(sentence, Does.Match(@"^(\d+) lost: \1 acknowledged while pg1 was cut off from its standbys$"));
        var phases = await _page.EvaluateAsync("[...document.querySelectorAll('rect.fault-phase')].map(r => r.dataset.phase).join(',')");
        Assert.That(phases!.GetValue<string>(), Is.EqualTo("isolation,kill,promotion,writable"));
        var failovers = await _page.EvaluateAsync("document.querySelectorAll('g.failover').length");
        Assert.That(failovers!.GetValue<int>(), Is.EqualTo(1), "one promotion marked in the lanes");
    }

    [Test]
    public async Task PartitionLocatesStaleReadsAndShowsTheCutOffNode()
    {
        var report = HtmlReport.Write(CopySample("partition"));
        await _page!.NavigateAsync(new Uri(report).AbsoluteUri);
        var sentence = (await _page.EvaluateAsync("document.querySelector('p.located[data-kind=\"stale\"]').textContent"))!.GetValue<string>();
        Assert.That(sentence, Does.Match(@"^\d+ stale reads: \d+ invoked while partition was in effect"));
        var cut = await _page.EvaluateAsync("[...document.querySelectorAll('rect.partitioned')].map(r => r.dataset.node).join(',')");
        Assert.That(cut!.GetValue<string>(), Is.EqualTo("pg1,pg2,pg3"), "pg3 cut off from pg1 and pg2, and they from it");
        var disconnected = await _page.EvaluateAsync("document.querySelectorAll('rect.role[data-node=\"pg3\"][data-role=\"disconnected\"]').length");
        Assert.That(disconnected!.GetValue<int>(), Is.EqualTo(1), "pg3 without a replication row is drawn as disconnected");
    }

    private string CopySample(string fault)
    {
        var source = Path.Combine(SamplesFolder, fault);
        var target = Path.Combine(_root, fault);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>Installs Debian's chromium when it is missing and we are root (a fresh CI machine).</summary>
    internal static void EnsureChromium()
    {
        if (File.Exists(CdpPage.Chromium)) return;
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
            Assert.Ignore("chromium is not installed and cannot be installed here (needs root and apt-get)");
        foreach (var args in new[] { "-o DPkg::Lock::Timeout=600 -qq update", "-o DPkg::Lock::Timeout=600 install -y -qq chromium" })
        {
            using var apt = Process.Start(new ProcessStartInfo("/usr/bin/apt-get", args) { Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" } })!;
            apt.WaitForExit();
        }
        Assert.That(File.Exists(CdpPage.Chromium), Is.True, "apt-get install chromium");
    }
}
