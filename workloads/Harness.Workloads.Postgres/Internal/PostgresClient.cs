using Harness.Core.History;
using Harness.Core.Testing;
using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>
/// The shared shape of our PostgreSQL clients: pick the node for an operation, open (or reuse) the connection,
/// run the operation's SQL, and classify any exception as Fail or Info. Subclasses supply only the SQL.
/// </summary>
internal abstract class PostgresClient(Func<string, string> connectionString) : IClient
{
    private readonly NodeConnections _connections = new(connectionString);

    /// <summary>Which node serves this operation and whether it is a read (no side effects).</summary>
    protected abstract (string Node, bool IsRead) Route(Op invocation);

    protected abstract Task<object?> ExecuteAsync(NpgsqlConnection connection, Op invocation, CancellationToken ct);

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        var (node, isRead) = Route(invocation);
        var reused = _connections.IsOpen(node);
        var completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        // A read on a connection that died while idle (its node was restarted) is tried once more on a fresh
        // one: a read has no effect, so retrying cannot change what the history claims happened.
        if (isRead && reused && completion.Type != OpType.Ok && !cancellationToken.IsCancellationRequested)
            completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        return completion;
    }

    private async Task<Completion> AttemptAsync(Op invocation, string node, bool isRead, CancellationToken cancellationToken)
    {
        var connecting = true;
        try
        {
            var conn = await _connections.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            connecting = false;
            var value = await ExecuteAsync(conn, invocation, cancellationToken).ConfigureAwait(false);
            return value is FailedOp failed
                ? new Completion(OpType.Fail, invocation.Value, failed.Reason, node)
                : new Completion(OpType.Ok, value, null, node);
        }
        catch (Exception e)
        {
            _connections.Drop(node);
            var type = PostgresErrors.Classify(e, isRead, connecting);
            var error = (connecting ? "connect " + node + ": " : node + ": ") + PostgresErrors.Describe(e);
            return new Completion(type, invocation.Value, error, node);
        }
    }

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>Returned by <see cref="ExecuteAsync"/> for an operation that certainly did not take effect
    /// (e.g. a compare-and-set whose comparison failed).</summary>
    protected sealed record FailedOp(string Reason);
}
