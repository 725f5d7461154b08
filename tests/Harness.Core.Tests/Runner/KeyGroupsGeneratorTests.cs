using Harness.Core.Generators;
using Harness.Workloads.Generators;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

/// <summary>Independent keys: with 30 processes in groups of 5, every key is touched by at most 5 process slots,
/// 6 keys are in use at once, and a retired process (slot + 30) stays in its group.</summary>
public class KeyGroupsGeneratorTests
{
    [Test]
    public void EveryKeySeesAtMostThreadsPerKeyProcesses()
    {
        const int workers = 30;
        var gen = new KeyGroupsGenerator(workers, 5, (g, n) => new RegisterGenerator(20, g, n));
        var random = new SeededRandom(3);
        var slotsPerKey = new Dictionary<long, HashSet<int>>();
        for (var i = 0; i < 20_000; i++)
        {
            var process = random.Next(workers) + workers * random.Next(3); // some retired processes too
            var step = gen.Next(new GenContext(i, process, random));
            var key = (long)((object?[])step.Value!)[0]!;
            if (!slotsPerKey.TryGetValue(key, out var slots)) slotsPerKey[key] = slots = [];
            slots.Add(process % workers);
        }
        Assert.That(slotsPerKey.Values.Max(s => s.Count), Is.LessThanOrEqualTo(5));
        Assert.That(slotsPerKey.Keys.Count(k => k < 6), Is.EqualTo(6), "six groups start on keys 0..5 at once");
        Assert.That(slotsPerKey.Values.Select(s => s.Min() / 5).Distinct().Count(), Is.EqualTo(6));
    }

    [Test]
    public void OneGroupWithOneThreadPerKeyIsAPlainSequence()
    {
        Assert.That(KeyGroupsGenerator.Groups(6, 5), Is.EqualTo(2));
        Assert.That(KeyGroupsGenerator.Groups(5, 5), Is.EqualTo(1));
        var gen = new KeyGroupsGenerator(6, 5, (g, n) => new RegisterGenerator(2, g, n));
        var random = new SeededRandom(1);
        var keys = Enumerable.Range(0, 6).Select(i => (long)((object?[])gen.Next(new GenContext(i, 0, random)).Value!)[0]!).ToList();
        Assert.That(keys, Is.EqualTo(new long[] { 0, 0, 2, 2, 4, 4 }), "group 0 of 2 owns the even keys");
    }
}
