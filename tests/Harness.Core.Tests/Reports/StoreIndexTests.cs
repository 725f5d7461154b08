using Harness.Core.Checking;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

public class StoreIndexTests
{
    [Test]
    public void ListsEveryRunNewestFirstWithVerdictAndLink()
    {
        var store = Directory.CreateTempSubdirectory("harness-store-").FullName;
        try
        {
            Run(store, "alpha", "20240101T000000Z", Validity.Valid, report: true);
            Run(store, "beta", "20250101T120000Z", Validity.Invalid, report: true);
            Run(store, "alpha", "20240601T000000Z", Validity.Unknown, report: false);
            Directory.CreateDirectory(Path.Combine(store, "alpha", "scratch")); // not a run
            var path = StoreIndex.Write(store);
            Assert.That(path, Is.EqualTo(Path.Combine(store, "index.html")));
            var html = File.ReadAllText(path);

            var beta = html.IndexOf("2025-01-01 12:00:00", StringComparison.Ordinal);
            var alphaJune = html.IndexOf("2024-06-01 00:00:00", StringComparison.Ordinal);
            var alphaJan = html.IndexOf("2024-01-01 00:00:00", StringComparison.Ordinal);
            Assert.That(beta, Is.GreaterThan(0));
            Assert.That(alphaJune, Is.GreaterThan(beta));
            Assert.That(alphaJan, Is.GreaterThan(alphaJune));
            Assert.That(html, Does.Contain("href=\"beta/20250101T120000Z/report.html\""));
            Assert.That(html, Does.Contain("href=\"alpha/20240101T000000Z/report.html\""));
            Assert.That(html, Does.Not.Contain("href=\"alpha/20240601T000000Z/report.html\""), "no link to a report that was not written");
            Assert.That(html, Does.Contain("verdict-invalid").And.Contain("verdict-valid").And.Contain("verdict-unknown"));
            Assert.That(html, Does.Not.Contain("scratch"));
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    private static void Run(string store, string test, string stamp, Validity v, bool report)
    {
        var dir = Path.Combine(store, test, stamp);
        Directory.CreateDirectory(dir);
        CheckResultJson.Write(Path.Combine(dir, "results.json"), new CheckResult(test, v, "s"));
        if (report) File.WriteAllText(Path.Combine(dir, "report.html"), "<html></html>");
    }
}
