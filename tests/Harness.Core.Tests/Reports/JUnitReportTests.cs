using System.Xml.Linq;
using Harness.Core.Checking;
using Harness.Core.Testing;
using Harness.Reports;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

public class JUnitReportTests
{
    [Test]
    public void OneCasePerCheckerWithFailureForInvalidAndErrorForUnknown()
    {
        var result = CheckResult.Compose("composite",
        [
            new CheckResult("linearizable", Validity.Invalid, "key 3 <not> linearizable \u0001")
            {
                Anomalies = [new Anomaly("nonlinearizable", "read 1 & then \"2\" </failure>", [1, 2])],
                AnomalyCounts = new Dictionary<string, long> { ["nonlinearizable"] = 1 },
            },
            new CheckResult("set", Validity.Valid, "nothing lost"),
            CheckResult.Compose("elle", [new CheckResult("g1", Validity.Unknown, "budget exhausted")]),
        ]);
        var path = Path.GetTempFileName();
        JUnitReport.Write(path, new TestSpec { Name = "pg<register>" }, result, TimeSpan.FromSeconds(61.5));
        var doc = XDocument.Load(path);
        File.Delete(path);

        var suite = doc.Root!.Element("testsuite")!;
        Assert.That((string?)suite.Attribute("name"), Is.EqualTo("pg<register>"));
        Assert.That((string?)suite.Attribute("tests"), Is.EqualTo("3"));
        Assert.That((string?)suite.Attribute("failures"), Is.EqualTo("1"));
        Assert.That((string?)suite.Attribute("errors"), Is.EqualTo("1"));
        Assert.That((string?)suite.Attribute("time"), Is.EqualTo("61.5"));
        var cases = suite.Elements("testcase").ToList();
        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "linearizable", "set", "elle/g1" }));
        var failure = cases[0].Element("failure")!;
        Assert.That((string?)failure.Attribute("message"), Does.StartWith("key 3 <not> linearizable"));
        Assert.That(failure.Value, Does.Contain("read 1 & then \"2\" </failure>"));
        Assert.That(cases[1].Elements(), Is.Empty, "a valid checker passes");
        Assert.That(cases[2].Element("error")!.Attribute("message")!.Value, Is.EqualTo("budget exhausted"));
    }

    [Test]
    public void ASingleCheckerIsItsOwnCase()
    {
        var path = Path.GetTempFileName();
        JUnitReport.Write(path, new TestSpec(), new CheckResult("set", Validity.Invalid, "2 lost"), TimeSpan.Zero);
        var cases = XDocument.Load(path).Descendants("testcase").ToList();
        File.Delete(path);
        Assert.That(cases, Has.Count.EqualTo(1));
        Assert.That(cases[0].Element("failure"), Is.Not.Null);
    }
}
