using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>Sentences and witnesses for <see cref="ReadFinding"/>s.</summary>
internal static class StaleReadExplanations
{
    public static Anomaly Explain(ReadFinding f)
    {
        var witnesses = f.Read.OpIndices()
            .Concat(f.Overwrite?.OpIndices() ?? [])
            .Concat(f.Source?.OpIndices() ?? [])
            .ToList();
        return new Anomaly(f.Kind, Sentence(f), witnesses);
    }

    private static string Sentence(ReadFinding f)
    {
        var read = f.Read;
        var subject = f.Key is null ? "read" : $"read of key {ValueText.Format(f.Key)}";
        var head = $"{subject} at {TimeText.Seconds(read.Invoke.Time)} on {read.Node} returned {ValueText.Format(read.Value)}";
        if (f.Kind == ReadFinding.Garbage) return $"{head}, {f.Reason}";
        var overwrite = f.Overwrite!;
        var source = f.Source is null
            ? " (the initial value)"
            : $" (written by {f.Source.Describe()}, acknowledged at {TimeText.Seconds(f.Source.Completion!.Time)})";
        return $"{head}{source}, but {overwrite.Describe()} began after that and was acknowledged at " +
               $"{TimeText.Seconds(overwrite.Completion!.Time)}, before the read began: {TimeText.Millis(f.StalenessNs)} stale";
    }
}
