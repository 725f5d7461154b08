using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.Postgres.Routing;

/// <summary>
/// How register reads and read-only transactions are routed (the <c>--read-from</c> family of options):
/// <list type="bullet">
/// <item><c>primary</c>: every read on the primary.</item>
/// <item><c>followers</c>: each read on any standby, chosen at random (the baseline: no session guarantee).</item>
/// <item><c>leader-after-write</c>: on the primary for <see cref="LeaderAfterWriteMs"/> after the client's own last write, else any standby.</item>
/// <item><c>pinned</c>: each client always reads the same standby (its own node if that is a standby).</item>
/// <item><c>lsn</c>: any standby, after it has replayed the WAL position the client's last write reached; a standby
/// that has not within <see cref="LsnWaitMs"/> is abandoned for the primary.</item>
/// </list>
/// <see cref="TransactionsFromFollowers"/> sends read-only list-append transactions to a random standby.
/// </summary>
public sealed record ReadRoutingOptions(string ReadFrom, int LeaderAfterWriteMs = 1000, int LsnWaitMs = 1000, bool TransactionsFromFollowers = false, long Seed = 1)
{
    public const string Primary = "primary";
    public const string Followers = "followers";
    public const string LeaderAfterWrite = "leader-after-write";
    public const string Pinned = "pinned";
    public const string Lsn = "lsn";

    public static IReadOnlyList<string> Strategies { get; } = [Primary, Followers, LeaderAfterWrite, Pinned, Lsn];

    /// <summary>The module's options for read routing (appended to the PostgreSQL module's list).</summary>
    public static IReadOnlyList<OptionDef> OptionDefs { get; } =
    [
        OptionDef.Choice("read-from", "Where register reads go: primary | followers (any standby, at random) | leader-after-write (the primary for "
            + "--leader-after-write-ms after the client's own write) | pinned (one standby per client) | lsn (a standby that has replayed "
            + "the client's last write, waiting up to --lsn-wait-ms, else the primary)", Primary, [.. Strategies]),
        OptionDef.Integer("leader-after-write-ms", "read-from leader-after-write: how long after its own write a client reads from the primary", 1000, 0, 600_000),
        OptionDef.Integer("lsn-wait-ms", "read-from lsn: how long a read waits for a standby to replay the client's last write before it goes to the primary", 1000, 1, 60_000),
        OptionDef.Choice("txn-read-from", "Where read-only list-append transactions go: primary | followers (any standby; needs an isolation a standby allows)",
            Primary, Primary, Followers),
    ];

    public static ReadRoutingOptions From(TestSpec test) => new(
        test.DatabaseOptions.Text("read-from"),
        (int)test.DatabaseOptions.Integer("leader-after-write-ms"),
        (int)test.DatabaseOptions.Integer("lsn-wait-ms"),
        test.DatabaseOptions.Text("txn-read-from") == Followers,
        test.Seed);
}
