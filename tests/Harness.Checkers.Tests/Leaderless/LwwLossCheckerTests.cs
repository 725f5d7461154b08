using Harness.Checkers.Leaderless;
using Harness.Checkers.Tests.Sets;
using Harness.Core.Checking;
using NUnit.Framework;

namespace Harness.Checkers.Tests.Leaderless;

public class LwwLossCheckerTests
{
    private static object?[] Kv(long key, long? value) => [key, value];

    private static CheckResult Check(ScriptedHistory h, IReadOnlyDictionary<long, long?>? finals = null, IReadOnlyDictionary<string, double>? offsets = null) =>
        new LwwLossChecker(finals, offsets).Check(h.Build(), CheckContext.Default);

    [Test]
    public void TheLaterWriteWinningIsValid()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10, "swift1").Done(1, "write", Kv(0, 2), 20, 30, "swift2");
        h.Call(2, "read", Kv(0, null), 40, 50, returned: Kv(0, 2), node: "swift1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid), r.Summary);
        Assert.That(r.Stats["lww-lost-count"], Is.EqualTo(0L));
        Assert.That(r.Stats["acknowledged-count"], Is.EqualTo(2L));
    }

    [Test]
    public void AnEarlierWriteWinningLosesTheLaterAcknowledgedOne()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10, "swift1").Done(1, "write", Kv(0, 2), 20, 30, "swift3");
        h.Call(2, "read", Kv(0, null), 40, 50, returned: Kv(0, 1), node: "swift2");
        var r = Check(h, offsets: new Dictionary<string, double> { ["swift3"] = -5 });
        Assert.That(r.Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(r.Stats["lww-lost-count"], Is.EqualTo(1L));
        Assert.That(r.AnomalyCounts["lww-lost-write"], Is.EqualTo(1L));
        Assert.That(r.Anomalies.Single().Explanation, Does.Contain("write of 2 via swift3 (clock -5 s)"));
    }

    [Test]
    public void ALoserToAConcurrentWriteIsCountedApartAndAllowed()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 30, "swift1").Done(1, "write", Kv(0, 2), 10, 40, "swift2");
        h.Call(2, "read", Kv(0, null), 50, 60, returned: Kv(0, 1), node: "swift1");
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["lww-lost-count"], Is.EqualTo(0L));
        Assert.That(r.Stats["lww-concurrent-lost-count"], Is.EqualTo(1L));
    }

    [Test]
    public void AWriteReplacedByALaterOneIsNotLost()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10).Done(1, "write", Kv(0, 2), 20, 30).Done(0, "write", Kv(0, 3), 40, 50);
        var r = Check(h, new Dictionary<long, long?> { [0] = 3 });
        Assert.That(r.Validity, Is.EqualTo(Validity.Valid));
        Assert.That(r.Stats["lww-lost-count"], Is.EqualTo(0L));
    }

    [Test]
    public void GivenFinalValuesDecideWithoutAnyRead()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(7, 1), 0, 10, "swift1").Done(1, "write", Kv(7, 2), 20, 30, "swift3");
        Assert.That(Check(h, new Dictionary<long, long?> { [7] = 1 }).Validity, Is.EqualTo(Validity.Invalid));
        Assert.That(Check(h, new Dictionary<long, long?> { [7] = 2 }).Validity, Is.EqualTo(Validity.Valid));
    }

    [Test]
    public void WithoutAnyFinalValueNothingCanBeSaid()
    {
        var h = new ScriptedHistory().Done(0, "write", Kv(0, 1), 0, 10).Done(1, "write", Kv(0, 2), 20, 30);
        h.Call(2, "read", Kv(0, null), 25, 28, returned: Kv(0, 1));
        var r = Check(h);
        Assert.That(r.Validity, Is.EqualTo(Validity.Unknown));
        Assert.That(r.Stats["undetermined-count"], Is.EqualTo(2L));
    }
}
