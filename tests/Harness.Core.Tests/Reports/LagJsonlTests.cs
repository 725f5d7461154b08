using Harness.Core.Databases;
using Harness.Core.Formats;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

public class LagJsonlTests
{
    [Test]
    public void RoundTripKeepsFieldsAndOmitsNulls()
    {
        var samples = new List<LagSample>
        {
            new(1_500_000_000, "pg2", 1.25, 2.5, 3.75, 4096, 12.0, "streaming"),
            new(2_000_000_000, "pg3", ReplayLagMs: 10),
            new(2_500_000_000, "pg3"),
        };
        Assert.That(LagJsonl.Serialize(samples[1]), Is.EqualTo("{\"time\":2000000000,\"node\":\"pg3\",\"replay-lag-ms\":10}"));
        Assert.That(LagJsonl.Serialize(samples[0]), Does.Contain("\"lsn-behind-bytes\":4096").And.Contain("\"write-lag-ms\":1.25")
            .And.Contain("\"flush-lag-ms\":2.5").And.Contain("\"replay-age-ms\":12").And.Contain("\"state\":\"streaming\""));
        var path = Path.GetTempFileName();
        LagJsonl.Write(path, samples);
        Assert.That(LagJsonl.Read(path), Is.EqualTo(samples));
        File.Delete(path);
    }

    [Test]
    public void TornLastLineIsDroppedButBadMiddleLineIsAnError()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"time\":1,\"node\":\"pg2\",\"replay-lag-ms\":1}\n{\"time\":2,\"no");
        Assert.That(LagJsonl.Read(path), Has.Count.EqualTo(1));
        File.WriteAllText(path, "{\"time\":1,\"node\":\"pg2\"}\n{\"time\":2}\n{\"time\":3,\"node\":\"pg2\"}\n");
        var e = Assert.Throws<HistoryFormatException>(() => LagJsonl.Read(path))!;
        Assert.That(e.Line, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain("node"));
        File.WriteAllText(path, "");
        Assert.That(LagJsonl.Read(path), Is.Empty);
        File.Delete(path);
    }
}
