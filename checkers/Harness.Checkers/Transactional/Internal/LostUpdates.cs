using Harness.Core.Checking;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Lost update, shared by list-append and rw-register: two transactions read the same version of a key and both
/// then wrote that key, so one wrote without seeing the other's write. <c>seen</c> maps a (key, version read) pair
/// to the first such transaction, or -1 once the pair has been reported.
/// </summary>
internal static class LostUpdates
{
    public static void Observe(TxnTable t, AnomalyLog log, Dictionary<long, int> seen, long keyVersion, int txn, int key, Func<string> readText, string verb)
    {
        if (!seen.TryGetValue(keyVersion, out var first)) { seen[keyVersion] = txn; return; }
        if (first < 0) return;
        seen[keyVersion] = -1;
        var k = t.KeyText(key);
        log.Add(TransactionalAnomalyKinds.LostUpdate, () => new Anomaly(TransactionalAnomalyKinds.LostUpdate,
            $"Ops {t.OpIndex(first)} {t.TxnText(first)} and {t.OpIndex(txn)} {t.TxnText(txn)} both read {k} = {readText()} and then both {verb} {k}: one of the updates was lost to the other.",
            [t.OpIndex(first), t.OpIndex(txn)]));
    }
}
