using Harness.Core.Generators;

namespace Harness.Runner.Nemeses;

/// <summary>
/// The <c>overlap</c> nemesis mode: each fault alternates calm and in-force periods of its own, drawn from the seeded
/// random source (0.5 to 1.5 times the interval and the duration), and the schedule emits whichever start or stop is
/// due first. Several faults can thus be in force at once, each started and stopped on its own.
/// </summary>
internal sealed class OverlapSchedule : IGenerator
{
    private readonly IReadOnlyList<FaultSchedule.Entry> _faults;
    private readonly IReadOnlyList<string> _nodes;
    private readonly long _intervalNs;
    private readonly long _durationNs;
    private readonly long[] _dueNs;
    private readonly bool[] _active;
    private bool _started;

    public OverlapSchedule(IReadOnlyList<FaultSchedule.Entry> faults, IReadOnlyList<string> nodes, TimeSpan interval, TimeSpan duration)
    {
        _faults = faults;
        _nodes = nodes;
        _intervalNs = Gen.Ns(interval);
        _durationNs = Gen.Ns(duration);
        _dueNs = new long[faults.Count];
        _active = new bool[faults.Count];
    }

    public GenStep Next(GenContext context)
    {
        if (!_started)
        {
            _started = true;
            for (var i = 0; i < _dueNs.Length; i++) _dueNs[i] = context.TimeNs + Spread(_intervalNs, context.Random);
        }
        var next = 0;
        for (var i = 1; i < _dueNs.Length; i++)
            if (_dueNs[i] < _dueNs[next]) next = i;
        if (_dueNs[next] > context.TimeNs) return GenStep.Wait(_dueNs[next]);
        var entry = _faults[next];
        _active[next] = !_active[next];
        if (_active[next])
        {
            _dueNs[next] = context.TimeNs + Spread(_durationNs, context.Random);
            return GenStep.Invoke("start-" + entry.Fault.Name, entry.Fault.Target(_nodes, entry.Options, context.Random));
        }
        _dueNs[next] = context.TimeNs + Spread(_intervalNs, context.Random);
        return GenStep.Invoke("stop-" + entry.Fault.Name, null);
    }

    private static long Spread(long ns, Random random) => (long)(ns * (0.5 + random.NextDouble()));
}
