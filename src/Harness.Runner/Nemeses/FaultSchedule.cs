using Harness.Core.Generators;
using Harness.Core.Modules;

namespace Harness.Runner.Nemeses;

/// <summary>
/// The nemesis's schedule as a seeded generator: wait <c>interval</c>, start one fault chosen at random from the
/// enabled ones (its target chosen by the fault module: a node, "primary", a partition shape, ...), keep it for
/// <c>duration</c>, stop it, repeat (<see cref="Build"/>, mode <c>one</c>); or, as Jepsen's combined nemesis, give
/// each fault its own start/stop cycle and interleave them (<see cref="Overlapping"/>, mode <c>overlap</c>). Pure:
/// all choices come from the context's random source.
/// </summary>
public static class FaultSchedule
{
    /// <summary>One enabled fault with its resolved options.</summary>
    public sealed record Entry(IFaultModule Fault, ModuleOptions Options);

    public static IGenerator Build(IReadOnlyList<Entry> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration) =>
        faults.Count == 0
            ? Gen.Phases()
            : Gen.Cycle(() => new FaultCycle(faults, nodes, interval, duration));

    /// <summary>Every fault on its own cycle (calm for 0.5-1.5 x <paramref name="interval"/>, in force for 0.5-1.5 x
    /// <paramref name="duration"/>), interleaved in time order, so windows of different faults overlap.</summary>
    public static IGenerator Overlapping(IReadOnlyList<Entry> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration) =>
        faults.Count == 0 ? Gen.Phases() : new OverlapSchedule(faults, nodes, interval, duration);

    private sealed class FaultCycle(IReadOnlyList<Entry> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration) : IGenerator
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
                    var entry = faults[context.Random.Next(faults.Count)];
                    _fault = entry.Fault.Name;
                    _stage = 2;
                    _untilNs = context.TimeNs + Gen.Ns(duration);
                    return GenStep.Invoke("start-" + _fault, entry.Fault.Target(nodes, entry.Options, context.Random));
                case 2:
                    _stage = 3;
                    return GenStep.Invoke("stop-" + _fault, null);
                default:
                    return GenStep.Done;
            }
        }
    }
}
