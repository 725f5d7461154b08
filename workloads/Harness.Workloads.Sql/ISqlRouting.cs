using System.Data.Common;
using Harness.Core.Testing;

namespace Harness.Workloads.Sql;

/// <summary>Which node serves a client's operations. Asked on every operation, so a client follows a failover as
/// soon as the cluster records it. Final set reads always go to the client's own node, so every node is read.
/// A routing that keeps per-session state (the time or WAL position of a client's last write, as in
/// read-your-writes routing) also hears of every acknowledged register write (<see cref="WrittenAsync"/>) and may hold
/// a register read back, or send it elsewhere, once its connection is open (<see cref="BeforeReadAsync"/>).</summary>
public interface ISqlRouting
{
    /// <summary>Where writes and transactions go (a primary, or with every node a leader the client's own node).</summary>
    string WriteNode(ClientContext client);

    /// <summary>Where register reads go (the primary, a follower, or the client's own node).</summary>
    string ReadNode(ClientContext client);

    /// <summary>Where a transaction goes; a read-only one (no writes in it) may be sent to a follower.</summary>
    string TransactionNode(ClientContext client, bool readOnly) => WriteNode(client);

    /// <summary>Told after a register write or compare-and-set on <paramref name="node"/> was acknowledged, on the
    /// same open connection (so a session can read, e.g., the WAL position its write reached). Must not throw.</summary>
    Task WrittenAsync(ClientContext client, DbConnection connection, string node, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Asked before a register read on <paramref name="node"/>, on its open connection: null to read there
    /// (possibly after waiting, e.g. until the node has replayed the session's last write), or another node to read
    /// from instead.</summary>
    Task<string?> BeforeReadAsync(ClientContext client, DbConnection connection, string node, CancellationToken ct) => Task.FromResult<string?>(null);
}
