using Harness.Core.Generators;
using Harness.Workloads.Generators;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The one generator of both Elle workloads: its writes use the workload's function, are unique per key
/// (1, 2, 3, ...), and a key is retired after its last allowed write.</summary>
[TestFixture]
public sealed class ElleTxnGeneratorTests
{
    [TestCase("append")]
    [TestCase("w")]
    public void WritesAreUniquePerKeyAndKeysRetire(string writeFunction)
    {
        var generator = new ElleTxnGenerator(writeFunction, activeKeys: 3, maxLength: 4, maxWritesPerKey: 5);
        var context = new GenContext(0, 0, new Random(7));
        var written = new Dictionary<long, List<long>>();
        for (var n = 0; n < 500; n++)
        {
            var step = generator.Next(context);
            Assert.That(step.F, Is.EqualTo("txn"));
            foreach (var item in (object?[])step.Value!)
            {
                var mop = (object?[])item!;
                Assert.That(mop[0], Is.AnyOf("r", writeFunction));
                if ((string)mop[0]! == "r") { Assert.That(mop[2], Is.Null); continue; }
                var values = written.TryGetValue((long)mop[1]!, out var list) ? list : written[(long)mop[1]!] = [];
                values.Add((long)mop[2]!);
            }
        }
        Assert.That(written.Count, Is.GreaterThan(3), "keys were retired and replaced by fresh ones");
        foreach (var (key, values) in written)
        {
            Assert.That(values, Is.EqualTo(Enumerable.Range(1, values.Count).Select(v => (long)v)), $"key {key}: writes 1, 2, 3, ... in order");
            Assert.That(values.Count, Is.LessThanOrEqualTo(5), $"key {key} retired after 5 writes");
        }
    }
}
