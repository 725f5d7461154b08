using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Harness.Core.Testing;
using Harness.Workloads.Postgres.Routing;
using Harness.Workloads.Postgres.Workloads;
using Harness.Workloads.Sql;

namespace Harness.Workloads.Postgres;

/// <summary>
/// Writes and transactions go to the current primary; register reads follow a strategy of
/// <see cref="ReadRoutingOptions"/> (primary, any standby, the primary shortly after the client's own write, a pinned
/// standby, or a standby that has replayed the client's last write: LSN-versioned reads). Session state is kept per
/// process, so a retired process's successor starts a fresh session. For LSN-versioned reads the client reads
/// <c>pg_current_wal_insert_lsn()</c> on the primary right after each acknowledged write (the commit record lies before
/// it), and a standby read first polls <c>pg_last_wal_replay_lsn()</c> on the standby's own connection until it has
/// reached that position; after <see cref="ReadRoutingOptions.LsnWaitMs"/> the read goes to the primary instead (so
/// the history shows those reads served by the primary). A write whose position could not be read sends the
/// session's reads to the primary until its next write.
/// </summary>
public sealed class PostgresRouting(PostgresEndpoints endpoints, ReadRoutingOptions options) : ISqlRouting
{
    private const string WriteLsnSql = "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint";
    private const string ReplayLsnSql = "SELECT coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0'), -1)::bigint";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private readonly ConcurrentDictionary<int, ReadSession> _sessions = new();

    /// <summary>The older two-way choice: primary, or with <paramref name="readFromFollowers"/> a pinned standby per process.</summary>
    public PostgresRouting(PostgresEndpoints endpoints, bool readFromFollowers)
        : this(endpoints, new ReadRoutingOptions(readFromFollowers ? ReadRoutingOptions.Pinned : ReadRoutingOptions.Primary))
    {
    }

    public string WriteNode(ClientContext client) => endpoints.WriteNode(client.Process);

    public string ReadNode(ClientContext client)
    {
        var session = Session(client);
        return options.ReadFrom switch
        {
            ReadRoutingOptions.Followers => AnyStandby(session),
            ReadRoutingOptions.Pinned => endpoints.ReadNode(client.Process, client.Node, fromFollowers: true),
            ReadRoutingOptions.LeaderAfterWrite when session.HasWritten && session.MillisecondsSinceWrite < options.LeaderAfterWriteMs => endpoints.Primary,
            ReadRoutingOptions.LeaderAfterWrite => AnyStandby(session),
            ReadRoutingOptions.Lsn when session.WriteLsn is null => endpoints.Primary,
            ReadRoutingOptions.Lsn => AnyStandby(session),
            _ => endpoints.Primary,
        };
    }

    public string TransactionNode(ClientContext client, bool readOnly) =>
        readOnly && options.TransactionsFromFollowers ? AnyStandby(Session(client)) : endpoints.WriteNode(client.Process);

    public async Task WrittenAsync(ClientContext client, DbConnection connection, string node, CancellationToken ct)
    {
        var session = Session(client);
        session.Wrote();
        if (options.ReadFrom != ReadRoutingOptions.Lsn) return;
        try
        {
            session.WriteLsn = await ScalarLongAsync(connection, WriteLsnSql, ct).ConfigureAwait(false);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            session.WriteLsn = null; // the write happened; where it ends in the WAL is unknown
        }
    }

    public async Task<string?> BeforeReadAsync(ClientContext client, DbConnection connection, string node, CancellationToken ct)
    {
        var session = Session(client);
        if (options.ReadFrom != ReadRoutingOptions.Lsn || session.WriteLsn is not > 0 || node == endpoints.Primary) return null;
        var target = session.WriteLsn.Value;
        var deadline = DateTime.UtcNow.AddMilliseconds(options.LsnWaitMs);
        while (await ScalarLongAsync(connection, ReplayLsnSql, ct).ConfigureAwait(false) < target)
        {
            if (DateTime.UtcNow >= deadline) return endpoints.Primary;
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
        return null;
    }

    private string AnyStandby(ReadSession session)
    {
        var standbys = endpoints.Standbys;
        return standbys.Count == 0 ? endpoints.Primary : standbys[session.Random.Next(standbys.Count)];
    }

    private ReadSession Session(ClientContext client) =>
        _sessions.GetOrAdd(client.Process, p => new ReadSession(unchecked((int)(options.Seed * 1_000_003 + p))));

    private static async Task<long> ScalarLongAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
