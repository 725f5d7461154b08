using Harness.Core.Modules;

namespace Harness.Workloads;

/// <summary>The options shared by the transactional workloads (list-append, rw-register).</summary>
public static class TransactionalOptions
{
    public static IReadOnlyList<OptionDef> For(string workload) =>
    [
        OptionDef.Text("consistency-model", "Transactional workloads: model to check against (read-committed, repeatable-read, snapshot-isolation, serializable, strict-serializable, ...)", "serializable"),
        OptionDef.Integer("active-keys", "Transactional workloads: keys in use at once (contention exposes anomalies)", 4, 1, 10_000),
        OptionDef.Integer("max-txn-length", "Transactional workloads: micro-operations per transaction, at most", 4, 1, 1_000),
        OptionDef.Integer("max-writes-per-key", "Transactional workloads: writes to a key before it is replaced by a fresh one", 32, 1, 1_000_000),
    ];
}
