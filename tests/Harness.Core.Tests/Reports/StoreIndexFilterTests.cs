using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.Testing;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>The store index shows each run's database, workload and faults and filters by them and by verdict: the
/// drop-downs hold the values present, the rows carry theirs, and in headless Chromium choosing a value hides the
/// other rows.</summary>
[NonParallelizable]
public class StoreIndexFilterTests
{
    private string _store = "";

    [SetUp]
    public void SetUp()
    {
        _store = Directory.CreateTempSubdirectory("harness-index-").FullName;
        Run("pg-set", "20261201T100000Z", "postgres", "set", ["partition-failover"], Validity.Invalid);
        Run("pg-reg", "20261201T110000Z", "postgres", "register", ["partition", "kill"], Validity.Valid);
        Run("gal-append", "20261201T120000Z", "galera", "list-append", ["partition"], Validity.Invalid);
        Run("<img src=x onerror=alert(1)>", "20261201T130000Z", "redis", "register", ["kill"], Validity.Unknown);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_store, recursive: true);

    private void Run(string test, string stamp, string database, string workload, string[] faults, Validity verdict)
    {
        var dir = Path.Combine(_store, test, stamp);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "test.json"), new TestSpec { Name = test, Database = database, Workload = workload, Nemesis = faults }.ToJson());
        CheckResultJson.Write(Path.Combine(dir, "results.json"), new CheckResult(workload, verdict, "s"));
    }

    [Test]
    public void RowsCarryTheirValuesAndTheDropDownsOfferThoseInTheStore()
    {
        var html = File.ReadAllText(StoreIndex.Write(_store));
        Assert.That(html, Does.Contain("<select data-filter=\"database\"><option value=\"\">all</option><option value=\"galera\">galera</option><option value=\"postgres\">postgres</option><option value=\"redis\">redis</option></select>"));
        Assert.That(html, Does.Contain("<option value=\"partition-failover\">").And.Contain("<option value=\"kill\">"));
        Assert.That(html, Does.Contain("<option value=\"invalid\">").And.Contain("<option value=\"unknown\">"));
        Assert.That(html, Does.Contain("data-database=\"postgres\" data-workload=\"register\" data-faults=\"partition kill\" data-verdict=\"valid\""));
        Assert.That(html, Does.Not.Contain("<img src=x onerror"), "a test name is escaped");
        Assert.That(html, Does.Contain("4 of 4 runs"));
    }

    [Test]
    public async Task ChoosingAFaultAndAVerdictHidesTheOtherRowsInTheBrowser()
    {
        ReportBrowserTests.EnsureChromium();
        await using var page = await CdpPage.StartAsync();
        await page.NavigateAsync(new Uri(StoreIndex.Write(_store)).AbsoluteUri);
        async Task<string> Visible() => (await page.EvaluateAsync(
            "Array.from(document.querySelectorAll('table.runs tbody tr')).filter(r => r.style.display !== 'none').map(r => r.cells[0].textContent).join(',')"))!.ToString();
        Assert.That(await Visible(), Is.EqualTo("<img src=x onerror=alert(1)>,gal-append,pg-reg,pg-set"), "no filter: every run, newest first");
        await page.EvaluateAsync("(() => { const s = document.querySelector('select[data-filter=faults]'); s.value = 'partition'; s.dispatchEvent(new Event('change')); })()");
        Assert.That(await Visible(), Is.EqualTo("gal-append,pg-reg"), "a fault matches every run that had it among others");
        await page.EvaluateAsync("(() => { const s = document.querySelector('select[data-filter=verdict]'); s.value = 'invalid'; s.dispatchEvent(new Event('change')); })()");
        Assert.That(await Visible(), Is.EqualTo("gal-append"));
        Assert.That((await page.EvaluateAsync("document.getElementById('shown').textContent"))!.ToString(), Is.EqualTo("1 of 4 runs"));
        Assert.That(page.Exceptions, Is.Empty, "no script errors");
    }
}
