using System.Text.RegularExpressions;
using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;
using NUnit.Framework;

namespace Harness.Core.Tests.Modules;

/// <summary>The registry is complete and self-consistent: every fault has a colour and help, every database declares
/// workloads and capabilities its clusters really have, and option names cannot collide.</summary>
public class RegistryTests
{
    private static readonly Registry R = HarnessModules.Registry;
    private static readonly ModuleContext Context = new("unit", "debian:bookworm-slim", null, Path.GetTempPath());

    [Test]
    public void ADatabaseWithoutCompareAndSetTurnsTheRegistersCasOffUnlessTheUserAsksForIt()
    {
        var swift = R.Resolve(new TestSpec { Database = "swift", Workload = "register" });
        Assert.That(swift.WorkloadOptions.Flag("cas"), Is.False);
        var postgres = R.Resolve(new TestSpec { Database = "postgres", Workload = "register" });
        Assert.That(postgres.WorkloadOptions.Flag("cas"), Is.True);
        var asked = new TestSpec { Database = "swift", Workload = "register" }.WithWorkloadOption("cas", "true");
        Assert.That(() => R.Resolve(asked), Throws.InstanceOf<ArgumentException>().With.Message.Contains("no compare-and-set"));
    }

    [Test]
    public void EveryFaultHasAColourHelpAndKnownCapabilities()
    {
        foreach (var f in R.Faults)
        {
            Assert.That(f.Colour, Does.Match("^#[0-9a-f]{6}$"), f.Name);
            Assert.That(f.Summary, Is.Not.Empty, f.Name);
            Assert.That(f.Requires, Is.Not.Empty.And.SubsetOf(Capability.Interfaces.Keys), f.Name);
            foreach (var o in f.Options) Assert.That(o.Check(o.Default), Is.Null, $"{f.Name} --{o.Name}'s default is valid");
        }
        Assert.That(R.Faults.Select(f => f.Colour), Is.Unique, "one colour per fault");
    }

    [Test]
    public async Task EveryDatabaseDeclaresWorkloadsAndCapabilitiesItsClustersHave()
    {
        foreach (var db in R.Databases)
        {
            Assert.That(db.Summary, Is.Not.Empty, db.Name);
            Assert.That(db.Workloads, Is.Not.Empty.And.SubsetOf(R.Workloads.Select(w => w.Name)), db.Name);
            Assert.That(db.Capabilities, Is.SubsetOf(Capability.Interfaces.Keys), db.Name);
            var test = R.Resolve(new TestSpec { Database = db.Name, Workload = db.Workloads[0], Nemesis = [] });
            await using var cluster = db.CreateCluster(test, Context);
            Assert.That(Capability.Of(cluster), Is.SupersetOf(db.Capabilities), $"{db.Name}'s cluster implements what it declares");
            Assert.That(cluster.Nodes, Has.Count.EqualTo(test.Nodes), db.Name);
            foreach (var w in db.Workloads)
                Assert.That(db.ClientFor(w, cluster, test with { Workload = w }), Is.Not.Null, $"{db.Name} {w}");
        }
    }

    [Test]
    public void EveryFaultADatabaseCanTakeResolvesAndTheOthersAreRefusedByName()
    {
        foreach (var db in R.Databases)
            foreach (var f in R.Faults)
            {
                var spec = new TestSpec { Database = db.Name, Workload = db.Workloads[0], Nemesis = [f.Name] };
                if (f.Requires.IsSubsetOf(db.Capabilities))
                {
                    // A database may still ask for a setting a fault needs (disk-full needs a tmpfs data directory).
                    try
                    {
                        Assert.That(R.Resolve(spec).FaultOptions[f.Name], Has.Count.EqualTo(f.Options.Count), $"{db.Name} + {f.Name}");
                    }
                    catch (InvalidSpecException e)
                    {
                        Assert.That(e.Message, Does.Not.Contain("does not support"), $"{db.Name} + {f.Name}");
                    }
                }
                else
                    Assert.That(() => R.Resolve(spec), Throws.TypeOf<InvalidSpecException>().With.Message.Contains($"{db.Name} does not support the '{f.Name}' fault"));
            }
    }

    [Test]
    public void OptionNamesNeverCollideAcrossKinds()
    {
        var dbOptions = R.Databases.SelectMany(d => d.Options.Select(o => o.Name)).ToHashSet();
        var workloadOptions = R.Workloads.SelectMany(w => w.Options.Select(o => o.Name)).ToHashSet();
        var generic = typeof(TestSpec).GetProperties().Select(p => Regex.Replace(p.Name, "(?<!^)([A-Z])", "-$1").ToLowerInvariant()).ToHashSet();
        Assert.That(dbOptions.Intersect(workloadOptions), Is.Empty, "a flag is either a database's or a workload's");
        Assert.That(dbOptions.Concat(workloadOptions).Intersect(generic), Is.Empty);
        foreach (var db in R.Databases) Assert.That(db.Options.Select(o => o.Name), Is.Unique, db.Name);
    }

    [Test]
    public void ResolveFillsEveryDefaultAndNamesTheTest()
    {
        var t = R.Resolve(new TestSpec { Database = "postgres" });
        Assert.That(t.Nodes, Is.EqualTo(3));
        Assert.That(t.Name, Is.EqualTo("postgres-register-async"));
        Assert.That(t.DatabaseOptions.Text("replication"), Is.EqualTo("async"));
        Assert.That(t.WorkloadOptions.Integer("ops-per-key"), Is.EqualTo(60));
        Assert.That(t.FaultOptions.Keys, Is.EquivalentTo(new[] { "partition" }));
        Assert.That(() => R.Resolve(new TestSpec { Database = "postgres", Nemesis = ["delay"] }.WithFaultOption("delay", "ms", "0")),
            Throws.TypeOf<InvalidSpecException>().With.Message.Contains("--ms must be between 1 and 60000"));
        Assert.That(() => R.Resolve(new TestSpec { Database = "postgres", Nemesis = [] }.WithFaultOption("delay", "ms", "10")),
            Throws.TypeOf<InvalidSpecException>().With.Message.Contains("not in --nemesis"));
    }

    [TestCase("cockroach", null, null, "--database must be one of")]
    [TestCase("postgres", "replication", "quorum", "--replication must be one of async, sync, semi-sync")]
    [TestCase("galera", "replication", "sync", "galera has no option --replication")]
    [TestCase("postgres", "nodes", "12", "--nodes for postgres must be 2-9")]
    public void BadTestsAreRefusedWithAMessageForTheUser(string database, string? option, string? value, string message)
    {
        var spec = new TestSpec { Database = database };
        if (option == "nodes") spec = spec with { Nodes = int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) };
        else if (option is not null) spec = spec.WithDatabaseOption(option, value!);
        Assert.That(() => R.Resolve(spec), Throws.TypeOf<InvalidSpecException>().With.Message.Contains(message));
    }
}
