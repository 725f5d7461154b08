using Harness.Core.Checking;
using Harness.Core.Formats;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

public class CheckResultJsonTests
{
    private static CheckResult Sample()
    {
        var lin = new CheckResult("linearizable", Validity.Invalid, "1 nonlinearizable key")
        {
            Stats = new Dictionary<string, object?>
            {
                ["ops"] = 120L, ["ratio"] = 2.0, ["mean-ms"] = 0.125, ["model"] = "cas-register", ["timed-out"] = false,
                ["nothing"] = null, ["keys"] = new object?[] { 1L, "x", null }, ["by-f"] = new Dictionary<string, object?> { ["read"] = 3L },
                ["nan"] = double.NaN,
            },
            AnomalyCounts = new Dictionary<string, long> { ["nonlinearizable"] = 1 },
            Anomalies =
            [
                new Anomaly("nonlinearizable", "read 3 after write 4 \"quoted\" <b>", [4, 7, 9])
                {
                    Data = new Dictionary<string, object?> { ["svg"] = "<svg/>", ["state"] = new object?[] { 1.5, 2L } },
                },
            ],
        };
        var set = new CheckResult("set", Validity.Valid, "all acknowledged present")
        {
            Details = new Dictionary<string, object?> { ["lost"] = new object?[] { new object?[] { 5L, 1_000_000_000L } } },
        };
        return CheckResult.Compose("composite", [lin, set, new CheckResult("elle", Validity.Unknown, "time budget exhausted")]);
    }

    [Test]
    public void RoundTripKeepsEveryFieldAndValueType()
    {
        var original = Sample();
        var path = Path.GetTempFileName();
        CheckResultJson.Write(path, original);
        var back = CheckResultJson.Read(path);
        File.Delete(path);

        Assert.That(CheckResultJson.Serialize(back), Is.EqualTo(CheckResultJson.Serialize(original)));
        Assert.That(back.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(back.Children.Select(c => c.Validity), Is.EqualTo(new[] { Validity.Invalid, Validity.Valid, Validity.Unknown }));
        var lin = back.Children[0];
        Assert.That(lin.Stats["ratio"], Is.TypeOf<double>().And.EqualTo(2.0), "a whole double stays a double");
        Assert.That(lin.Stats["ops"], Is.TypeOf<long>().And.EqualTo(120L));
        Assert.That(lin.Stats["mean-ms"], Is.EqualTo(0.125));
        Assert.That(lin.Stats["timed-out"], Is.EqualTo(false));
        Assert.That(lin.Stats["nothing"], Is.Null);
        Assert.That(lin.Stats["nan"], Is.EqualTo("NaN"));
        Assert.That(Core.History.ValueText.Equals(lin.Stats["keys"], new object?[] { 1L, "x", null }), Is.True);
        Assert.That(lin.AnomalyCounts["nonlinearizable"], Is.EqualTo(1));
        var a = lin.Anomalies.Single();
        Assert.That((a.Kind, a.Explanation), Is.EqualTo(("nonlinearizable", "read 3 after write 4 \"quoted\" <b>")));
        Assert.That(a.OpIndices, Is.EqualTo(new long[] { 4, 7, 9 }));
        Assert.That(((IReadOnlyDictionary<string, object?>)a.Data!)["svg"], Is.EqualTo("<svg/>"));
        var lost = (IReadOnlyList<object?>)((IReadOnlyDictionary<string, object?>)back.Children[1].Details!)["lost"]!;
        Assert.That(Core.History.ValueText.Equals(lost[0], new object?[] { 5L, 1_000_000_000L }), Is.True);
    }

    [Test]
    public void RecordsInDataAreWrittenAsObjectsNotToString()
    {
        var r = new CheckResult("x", Validity.Valid, "s") { Details = new { FirstOp = 3L, Ratio = 0.5 } };
        var json = CheckResultJson.Serialize(r);
        Assert.That(json, Does.Contain("\"first-op\": 3"));
        var back = (IReadOnlyDictionary<string, object?>)CheckResultJson.Parse(json).Details!;
        Assert.That(back["ratio"], Is.EqualTo(0.5));
    }

    [Test]
    public void SyntaxErrorNamesFileLineAndColumn()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\n  \"checker\": \"x\",\n  \"validity\": valid\n}");
        var e = Assert.Throws<HistoryFormatException>(() => CheckResultJson.Read(path))!;
        Assert.That((e.File, e.Line), Is.EqualTo((path, 3)));
        Assert.That(e.Column, Is.GreaterThan(1));
        File.Delete(path);
    }

    [Test]
    public void WrongShapeNamesTheField()
    {
        var e = Assert.Throws<HistoryFormatException>(() => CheckResultJson.Parse(
            "{\"checker\":\"c\",\"validity\":\"valid\",\"summary\":\"s\",\"children\":[{\"checker\":\"d\",\"validity\":\"maybe\",\"summary\":\"\"}]}"))!;
        Assert.That(e.Expected, Does.Contain("$.children[0].validity"));
        Assert.Throws<HistoryFormatException>(() => CheckResultJson.Parse("[1, 2]"));
        Assert.Throws<HistoryFormatException>(() => CheckResultJson.Parse(
            "{\"checker\":\"c\",\"validity\":\"valid\",\"summary\":\"s\",\"anomalies\":[{\"kind\":\"k\",\"explanation\":\"e\",\"op-indices\":[\"x\"]}]}"));
    }
}
