using Harness.Core.Generators;

namespace Harness.Runner.Nemeses;

/// <summary>
/// The nemesis's schedule as a seeded generator: wait <c>interval</c>, start one fault chosen at random from the
/// enabled ones (with a random target: a node, "primary", or a partition shape), keep it for <c>duration</c>,
/// stop it, repeat. Pure: all choices come from the context's random source.
/// </summary>
public static class FaultSchedule
{
    public static IGenerator Build(IReadOnlyList<string> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration) =>
        faults.Count == 0
            ? Gen.Phases()
            : Gen.Cycle(() => new FaultCycle(faults, nodes, interval, duration));

    /// <summary>A random target for a fault: partitions get a shape, a failover none (the most advanced standby is
    /// promoted), a delay every standby or one node, other node faults a node or the current primary.</summary>
    public static object? Target(string fault, IReadOnlyList<string> nodes, Random random)
    {
        switch (fault)
        {
            case "partition":
                var order = nodes.OrderBy(_ => random.Next()).ToList<object?>();
                return random.Next(3) switch
                {
                    0 => new object?[] { "isolate", order[0] },
                    1 when nodes.Count >= 3 => new object?[] { "bridge" }.Concat(order).ToArray(),
                    _ => new object?[] { "halves" }.Concat(order).ToArray(),
                };
            case "failover" or "partition-failover":
                return null;
            case "delay":
                return random.Next(2) == 0 ? "standbys" : nodes[random.Next(nodes.Count)];
            default:
                return random.Next(3) == 0 ? "primary" : nodes[random.Next(nodes.Count)];
        }
    }

    private sealed class FaultCycle(IReadOnlyList<string> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration) : IGenerator
    {
        private int _stage;
        private long _untilNs = -1;
        private string _fault = "";

        public GenStep Next(GenContext context)
        {
            if (_untilNs < 0) _untilNs = context.TimeNs + Gen.Ns(interval);
            if (_stage is 0 or 2 && context.TimeNs < _untilNs) return GenStep.Wait(_untilNs);
            switch (_stage)
            {
                case 0:
                    _stage = 1;
                    goto case 1;
                case 1:
                    _fault = faults[context.Random.Next(faults.Count)];
                    _stage = 2;
                    _untilNs = context.TimeNs + Gen.Ns(duration);
                    return GenStep.Invoke("start-" + _fault, Target(_fault, nodes, context.Random));
                case 2:
                    _stage = 3;
                    return GenStep.Invoke("stop-" + _fault, null);
                default:
                    return GenStep.Done;
            }
        }
    }
}
