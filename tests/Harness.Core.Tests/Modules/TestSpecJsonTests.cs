using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary>test.json is complete and round-trips: module options keep their values (numbers as JSON numbers),
/// seeds keep all 64 bits, and a hand-written spec may give numbers as numbers or strings.</summary>
public class TestSpecJsonTests
{
    [Test]
    public void AResolvedSpecRoundTripsWithEveryModuleOption()
    {
        var spec = HarnessModules.Registry.Resolve((new TestSpec { Database = "postgres", Nemesis = ["delay", "partition-failover"], Seed = long.MaxValue - 12345 }
            .WithDatabaseOption("replication", "semi-sync").WithFaultOption("delay", "ms", "120")) with { Workload = "list-append" });
        var json = spec.ToJson();
        var back = TestSpec.FromJson(json);

        Assert.That(back.ToJson(), Is.EqualTo(json));
        Assert.That(back.Seed, Is.EqualTo(long.MaxValue - 12345));
        Assert.That(back.DatabaseOptions.Text("replication"), Is.EqualTo("semi-sync"));
        Assert.That(back.WorkloadOptions.Text("consistency-model"), Is.EqualTo("serializable"));
        Assert.That(back.FaultOptionsOf("delay").Integer("ms"), Is.EqualTo(120));
        Assert.That(back.FaultOptionsOf("partition-failover").Number("isolation"), Is.EqualTo(3));
        Assert.That(json, Does.Contain("\"ms\": 120").And.Contain("\"replication\": \"semi-sync\""));
        Assert.That(HarnessModules.Registry.Resolve(back).ToJson(), Is.EqualTo(json), "resolving a resolved spec changes nothing");
    }

    [Test]
    public void AHandWrittenSpecTakesNumbersAsNumbersOrStrings()
    {
        const string json = """
            { "database": "postgres", "workload": "register", "nemesis": ["delay"], "seed": 42,
              "database-options": { "replication": "sync" }, "workload-options": { "ops-per-key": 10 },
              "fault-options": { "delay": { "ms": "50", "jitter-ms": 5 } } }
            """;
        var spec = HarnessModules.Registry.Resolve(TestSpec.FromJson(json));
        Assert.That(spec.WorkloadOptions.Integer("ops-per-key"), Is.EqualTo(10));
        Assert.That(spec.FaultOptionsOf("delay").Integer("ms"), Is.EqualTo(50));
        Assert.That(spec.FaultOptionsOf("delay").Integer("jitter-ms"), Is.EqualTo(5));
        Assert.That(spec.Name, Is.EqualTo("postgres-register-sync"));
        Assert.That(spec.TimeLimitSeconds, Is.EqualTo(60), "absent fields keep their defaults");
    }

    [Test]
    public void ABadOptionValueInAFileIsRefused()
    {
        var spec = TestSpec.FromJson("""{ "database": "postgres", "workload-options": { "ops-per-key": "many" } }""");
        Assert.That(() => HarnessModules.Registry.Resolve(spec), Throws.TypeOf<InvalidSpecException>().With.Message.Contains("--ops-per-key takes a whole number"));
    }

    [Test]
    public void SeedsUseAllSixtyFourBits()
    {
        var a = new Core.Generators.SeededRandom(1);
        var b = new Core.Generators.SeededRandom(1 + (1L << 40));
        var c = new Core.Generators.SeededRandom(1);
        var xs = Enumerable.Range(0, 20).Select(_ => a.Next(1000)).ToList();
        Assert.That(Enumerable.Range(0, 20).Select(_ => b.Next(1000)), Is.Not.EqualTo(xs), "high bits matter");
        Assert.That(Enumerable.Range(0, 20).Select(_ => c.Next(1000)), Is.EqualTo(xs), "same seed, same stream");
        Assert.That(Enumerable.Range(0, 1000).Select(_ => a.Next(5, 9)), Is.All.InRange(5, 8));
    }
}
