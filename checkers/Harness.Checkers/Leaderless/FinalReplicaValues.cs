using System.Globalization;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Final values of keyed registers from the last replica samples (phase <c>final</c>): for each object named
/// <c>&lt;prefix&gt;&lt;key&gt;</c> in a container whose primaries agree, the value they hold (null: no copy anywhere).
/// Feeds <see cref="LwwLossChecker"/> the value every replica settled on, rather than what a last read happened to see.
/// </summary>
public static class FinalReplicaValues
{
    public static IReadOnlyDictionary<long, long?> Of(IEnumerable<ReplicaSample> samples, string container, string prefix)
    {
        var result = new Dictionary<long, long?>();
        foreach (var s in samples.Where(s => s.Phase == "final" && s.Container == container && s.Agrees && s.Object.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (!long.TryParse(s.Object.AsSpan(prefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)) continue;
            var copy = s.Primaries.Select(p => s.Copies.GetValueOrDefault(p)).FirstOrDefault(c => c is not null);
            result[key] = copy?.Value is { } v && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        return result;
    }
}
