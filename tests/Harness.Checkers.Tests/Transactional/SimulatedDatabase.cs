namespace Harness.Checkers.Tests.Transactional;

public enum SimulatedIsolation { Serializable, SnapshotIsolation, ReadCommitted, LosesUpdates }

/// <summary>
/// A tiny in-memory key → list store with a known isolation level, for checking the checker against ground truth.
/// Serializable runs each transaction atomically when it commits (so it is even strict serializable). Snapshot
/// isolation reads a snapshot taken at begin plus its own appends, and aborts at commit if another transaction
/// committed to a key it appended to since it began (first committer wins). Read committed reads the latest committed
/// state plus its own appends, and applies its appends at commit. LosesUpdates reads a snapshot like snapshot
/// isolation but at commit overwrites each key it appended with (snapshot + own appends), losing concurrent appends.
/// Registers use the same lists: a register read is the list's last element, a write an append.
/// </summary>
public sealed class SimulatedDatabase(SimulatedIsolation isolation)
{
    private readonly Dictionary<string, long[]> _committed = new();
    private readonly Dictionary<string, int> _keyVersion = new();
    private int _version;

    public bool ExecutesAtCommit => isolation == SimulatedIsolation.Serializable;

    public sealed class Txn
    {
        public int StartVersion;
        public Dictionary<string, long[]> Snapshot = new();
        public Dictionary<string, List<long>> Appends = new();
    }

    public Txn Begin() => new()
    {
        StartVersion = _version,
        Snapshot = isolation is SimulatedIsolation.SnapshotIsolation or SimulatedIsolation.LosesUpdates
            ? new Dictionary<string, long[]>(_committed) : new(),
    };

    /// <summary>Runs one micro-op; returns it with a read's value filled in.</summary>
    public object?[] Execute(Txn txn, object?[] mop, bool registers)
    {
        var key = (string)mop[1]!;
        if (mop[0] is "append" or "w")
        {
            if (!txn.Appends.TryGetValue(key, out var list)) txn.Appends[key] = list = new List<long>();
            list.Add((long)mop[2]!);
            return mop;
        }
        var source = isolation is SimulatedIsolation.SnapshotIsolation or SimulatedIsolation.LosesUpdates ? txn.Snapshot : _committed;
        var seen = source.GetValueOrDefault(key, []).Concat(txn.Appends.GetValueOrDefault(key, [])).ToArray();
        object? value = registers ? (seen.Length == 0 ? null : seen[^1]) : seen.Select(v => (object?)v).ToArray();
        return [mop[0], key, value];
    }

    /// <summary>Tries to commit; false means the transaction aborted and none of its appends took effect.</summary>
    public bool Commit(Txn txn)
    {
        if (isolation == SimulatedIsolation.SnapshotIsolation
            && txn.Appends.Keys.Any(k => _keyVersion.GetValueOrDefault(k) > txn.StartVersion))
            return false;
        _version++;
        foreach (var (key, appends) in txn.Appends)
        {
            var baseList = isolation == SimulatedIsolation.LosesUpdates
                ? txn.Snapshot.GetValueOrDefault(key, [])
                : _committed.GetValueOrDefault(key, []);
            _committed[key] = baseList.Concat(appends).ToArray();
            _keyVersion[key] = _version;
        }
        return true;
    }
}
