using Harness.Checkers.Leaderless.Internal;
using Harness.Core.Checking;
using Harness.Core.Databases;

namespace Harness.Checkers.Leaderless;

/// <summary>
/// Writes the store accepted but did not store. Swift answers a PUT whose timestamp is not newer than the copy the
/// object servers hold with <c>202 Accepted</c> (they refused it: last-writer-wins); swiftclient, like most HTTP
/// clients, counts any 2xx as success, so the write is acknowledged and silently gone. The client records such a write
/// Ok with an error beginning <see cref="IReplicaObservable.AcceptedNotStoredPrefix"/>; this checker counts them from
/// the history alone. For keyed registers (unique values) an accepted write is <b>not stored</b> when no read returned
/// its value and it is not the key's final value (when known). Of those, one that overlapped another write of the key
/// in real time lost to a concurrent write (LWW's order between concurrent writes, allowed); one that overlapped none
/// lost to a write that had finished before it began, the real-time order reversed by a clock: that makes the history
/// invalid. Counts, examples and the proxies involved are the measurement.
/// </summary>
public sealed class AcceptedWriteChecker(IReadOnlyDictionary<long, long?>? finalValues = null) : IChecker
{
    private const int Examples = 10;

    public string Name => "accepted-writes";

    public CheckResult Check(Core.History.History history, CheckContext context)
    {
        var (writes, reads) = KeyedWrites.Of(history);
        var anomalies = new List<Anomaly>();
        long accepted = 0, seen = 0, notStored = 0, overlapping = 0;
        foreach (var (key, list) in writes)
        {
            var keyReads = reads.GetValueOrDefault(key) ?? [];
            long? final = finalValues is not null && finalValues.TryGetValue(key, out var f) ? f : null;
            foreach (var w in list.Where(IsAccepted))
            {
                accepted++;
                if (keyReads.Any(r => r.IsOk && r.Value == w.Value) || (final is not null && final == w.Value)) { seen++; continue; }
                notStored++;
                if (list.Any(o => o != w && !o.IsFail && o.Start < w.End && o.End > w.Start)) { overlapping++; continue; }
                if (anomalies.Count < Examples) anomalies.Add(Explain(key, w, list));
            }
        }
        var lost = notStored - overlapping;
        var stats = new Dictionary<string, object?>
        {
            ["accepted-count"] = accepted,
            ["accepted-not-stored-count"] = notStored,
            ["accepted-overlapping-count"] = overlapping,
            ["accepted-lost-count"] = lost,
            ["accepted-seen-count"] = seen,
        };
        var summary = accepted == 0
            ? "no write was answered 202 Accepted"
            : $"{accepted} writes answered 202 Accepted (counted as success by a 2xx client): {notStored} never stored " +
              $"({lost} lost to a write that finished before they began, {overlapping} to an overlapping write), {seen} read back";
        return new CheckResult(Name, lost > 0 ? Validity.Invalid : Validity.Valid, summary)
        {
            Anomalies = anomalies,
            AnomalyCounts = lost > 0 ? new Dictionary<string, long> { ["accepted-not-stored"] = lost } : new Dictionary<string, long>(),
            Stats = stats,
        };
    }

    private static bool IsAccepted(KeyedOp w) =>
        w.IsOk && w.Completion?.Error is { } e && e.StartsWith(IReplicaObservable.AcceptedNotStoredPrefix, StringComparison.OrdinalIgnoreCase);

    private static Anomaly Explain(long key, KeyedOp w, List<KeyedOp> writes)
    {
        var before = writes.Where(o => o.IsOk && o.End < w.Start && !IsAccepted(o)).MaxBy(o => o.End);
        var after = before is null ? "" : $"; the last write stored before it was {before.Value} via {before.Node}, acknowledged at {before.End / 1e9:0.000} s";
        var text = $"key {key}: the write of {w.Value} via {w.Node} ({w.Start / 1e9:0.000}-{w.End / 1e9:0.000} s) was answered 202 Accepted, " +
                   $"which a 2xx client counts as success, but no read ever returned it and it is not the key's final value{after}: " +
                   "the object servers refused it as older than their copy (last-writer-wins by the coordinator's clock)";
        return new Anomaly("accepted-not-stored", text, before is null ? [w.Invoke.Index] : [w.Invoke.Index, before.Invoke.Index]);
    }
}
