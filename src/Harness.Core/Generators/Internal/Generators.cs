namespace Harness.Core.Generators;

// The combinators behind Gen. Each is a small deterministic state machine; none reads a clock or a global RNG.

internal sealed class FnGenerator(Func<GenContext, GenStep> step) : IGenerator
{
    public GenStep Next(GenContext context) => step(context);
}

internal sealed class OnceGenerator(GenStep step) : IGenerator
{
    private bool _used;

    public GenStep Next(GenContext context)
    {
        if (_used) return GenStep.Done;
        _used = true;
        return step;
    }
}

internal sealed class MixGenerator(IGenerator[] generators) : IGenerator
{
    private readonly List<IGenerator> _live = [.. generators];

    public GenStep Next(GenContext context)
    {
        while (_live.Count > 0)
        {
            var i = context.Random.Next(_live.Count);
            var step = _live[i].Next(context);
            if (step.Kind != GenStepKind.Done) return step;
            _live.RemoveAt(i);
        }
        return GenStep.Done;
    }
}

internal sealed class StaggerGenerator(double opsPerSecond, IGenerator inner) : IGenerator
{
    private readonly double _meanGapNs = 1e9 / Math.Max(opsPerSecond, 1e-9);
    private long _nextNs = -1;

    public GenStep Next(GenContext context)
    {
        if (_nextNs < 0) _nextNs = context.TimeNs;
        if (context.TimeNs < _nextNs) return GenStep.Wait(_nextNs);
        var step = inner.Next(context);
        if (step.Kind == GenStepKind.Invoke)
            _nextNs = Math.Max(_nextNs, context.TimeNs - (long)_meanGapNs) + (long)(context.Random.NextDouble() * 2 * _meanGapNs);
        return step;
    }
}

internal sealed class TimeLimitGenerator(TimeSpan limit, IGenerator inner) : IGenerator
{
    private long _endNs = -1;

    public GenStep Next(GenContext context)
    {
        if (_endNs < 0) _endNs = context.TimeNs + Gen.Ns(limit);
        if (context.TimeNs >= _endNs) return GenStep.Done;
        var step = inner.Next(context);
        return step.Kind == GenStepKind.Wait && step.UntilNs > _endNs ? GenStep.Wait(_endNs) : step;
    }
}

internal sealed class PhasesGenerator(IGenerator[] phases) : IGenerator
{
    private int _current;

    public GenStep Next(GenContext context)
    {
        while (_current < phases.Length)
        {
            var step = phases[_current].Next(context);
            if (step.Kind != GenStepKind.Done) return step;
            _current++;
        }
        return GenStep.Done;
    }
}

internal sealed class SleepGenerator(TimeSpan duration) : IGenerator
{
    private long _untilNs = -1;

    public GenStep Next(GenContext context)
    {
        if (_untilNs < 0) _untilNs = context.TimeNs + Gen.Ns(duration);
        return context.TimeNs >= _untilNs ? GenStep.Done : GenStep.Wait(_untilNs);
    }
}

internal sealed class CycleGenerator(Func<IGenerator> make) : IGenerator
{
    private IGenerator _current = make();

    public GenStep Next(GenContext context)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var step = _current.Next(context);
            if (step.Kind != GenStepKind.Done) return step;
            _current = make();
        }
        return GenStep.Done;
    }
}

internal sealed class EachProcessGenerator(Func<IGenerator> make) : IGenerator
{
    private readonly Dictionary<int, IGenerator> _byProcess = [];
    private readonly HashSet<int> _done = [];

    public GenStep Next(GenContext context)
    {
        if (!_byProcess.TryGetValue(context.Process, out var g))
            _byProcess[context.Process] = g = make();
        var step = g.Next(context);
        if (step.Kind == GenStepKind.Done) _done.Add(context.Process);
        return step;
    }
}
