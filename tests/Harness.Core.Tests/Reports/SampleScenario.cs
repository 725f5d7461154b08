using Harness.Core.Databases;
using Harness.Core.History;

namespace Harness.Core.Tests.Reports;

/// <summary>One fault kind as a small synthetic run: the nemesis steps as the nemesis process records them (invoke
/// and info, with structured phases / nodes / grudge), which node takes client writes when, and the replication
/// state of each standby over time. <see cref="SampleRuns"/> turns it into a run folder.</summary>
internal sealed record SampleScenario(string Fault, string Workload, IReadOnlyList<SampleScenario.Step> Steps, Func<double, string> PrimaryAt,
    Func<double, string, LagSample?> Lag, Func<double, bool> Unavailable, Func<double, bool> Lost)
{
    /// <summary>A nemesis step: invoked at <see cref="At"/>, completed at <see cref="Done"/> with <see cref="Value"/>.</summary>
    public sealed record Step(double At, double Done, string F, object? Target, object? Value);

    public static long Ns(double seconds) => (long)Math.Round(seconds * 1e9);

    public static IReadOnlyDictionary<string, object?> Phase(string name, double start, double end, string node) =>
        new FaultPhase(name, Ns(start), Ns(end), node).ToValue();

    public static IReadOnlyDictionary<string, object?> Structured(string description, IReadOnlyList<string> nodes,
        IReadOnlyDictionary<string, object?>? grudge = null, params IReadOnlyDictionary<string, object?>[] phases)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal) { ["description"] = description, ["nodes"] = nodes.Cast<object?>().ToList() };
        if (grudge is not null) map["grudge"] = grudge;
        if (phases.Length > 0) map["phases"] = phases.Cast<object?>().ToList();
        return map;
    }

    public static IReadOnlyDictionary<string, object?> Isolate(string node, params string[] others)
    {
        var g = new Dictionary<string, object?>(StringComparer.Ordinal) { [node] = others.Cast<object?>().ToList() };
        foreach (var o in others) g[o] = new List<object?> { node };
        return g;
    }

    /// <summary>A standby's sample: streaming with lag growing by <paramref name="msPerSecond"/> from <paramref name="since"/>.</summary>
    public static LagSample Streaming(double t, string node, double since = double.MaxValue, double msPerSecond = 0) =>
        new(Ns(t), node, ReplayLagMs: 2 + (t > since ? (t - since) * msPerSecond : 0), LsnBehindBytes: 200 + (long)(t > since ? (t - since) * msPerSecond * 40 : 0),
            State: "streaming");

    /// <summary>A standby the primary has no WAL sender row for (state disconnected), or one that did not answer.</summary>
    public static LagSample Missing(double t, string node, string state = "disconnected") => new(Ns(t), node, State: state);
}
