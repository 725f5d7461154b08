namespace Harness.Checkers.Transactional;

/// <summary>
/// The anomaly names the transactional checker reports, spelled as Elle and Adya spell them.
/// <para>Cycles in the dependency graph (ww = overwrote, wr = read from, rw = read a version that was then
/// overwritten): <c>G0</c> (write cycle: ww only), <c>G1c</c> (ww and wr, at least one wr), <c>G-single</c>
/// (exactly one rw), <c>G-nonadjacent</c> (several rw, no two in a row), <c>G2-item</c> (rw edges, two in a row).
/// Each has a <c>-process</c> variant (the cycle needs an edge between two transactions of one client, in the order
/// the client ran them) and a <c>-realtime</c> variant (it needs an edge from a transaction that completed to one
/// invoked later).</para>
/// <para>Reads that no serial history explains: <c>G1a</c> (aborted read: saw a failed transaction's write),
/// <c>G1b</c> (intermediate read: saw a version its writer later overwrote within the same transaction),
/// <c>garbage-read</c> (saw a value nobody wrote; Elle folds these into its unexpected-value checks),
/// <c>dirty-update</c> (list-append: a committed append built on a failed one), <c>duplicate-elements</c>
/// (list-append: a list holds a value twice), <c>incompatible-order</c> (list-append: two reads of a key that are
/// not prefixes of one another), <c>cyclic-versions</c> (rw-register: the inferred version order of a key is
/// cyclic), <c>internal</c> (a transaction's read disagrees with its own earlier reads and writes),
/// <c>future-read</c> (a transaction read its own write before making it), <c>lost-update</c> (two committed
/// transactions read the same version of a key and both wrote it).</para>
/// </summary>
public static class TransactionalAnomalyKinds
{
    public const string G0 = "G0";
    public const string G1a = "G1a";
    public const string G1b = "G1b";
    public const string G1c = "G1c";
    public const string GSingle = "G-single";
    public const string GNonadjacent = "G-nonadjacent";
    public const string G2Item = "G2-item";
    public const string ProcessSuffix = "-process";
    public const string RealtimeSuffix = "-realtime";

    public const string Internal = "internal";
    public const string LostUpdate = "lost-update";
    public const string DirtyUpdate = "dirty-update";
    public const string DuplicateElements = "duplicate-elements";
    public const string IncompatibleOrder = "incompatible-order";
    public const string FutureRead = "future-read";
    public const string GarbageRead = "garbage-read";
    public const string CyclicVersions = "cyclic-versions";

    /// <summary>Not an anomaly but its absence of proof: the search for one cycle class in one component ran out
    /// of budget, so that class is unknown there.</summary>
    public const string CycleSearchTimeout = "cycle-search-timeout";

    /// <summary>Every cycle anomaly family, strongest first.</summary>
    public static IReadOnlyList<string> CycleFamilies { get; } = [G0, G1c, GSingle, GNonadjacent, G2Item];
}
