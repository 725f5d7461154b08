using Harness.Core.History;
using Harness.Core.Testing;
using StackExchange.Redis;

namespace Harness.Workloads.Redis.Internal;

/// <summary>
/// The shared shape of our Redis clients: pick the node for an operation, open (or reuse) its connection, run the
/// operation's commands, and classify any exception as Fail or Info (<see cref="RedisErrors"/>). Subclasses supply
/// only the routing and the commands.
/// </summary>
internal abstract class RedisClient(Func<string, (string Host, int Port)> endpoint, ClientContext context) : IClient
{
    private readonly NodeConnections connections = new(endpoint,
        (int)Math.Clamp(context.Test.OperationTimeoutSeconds * 1000, 500, 60_000),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"harness-p{context.Process}"));

    /// <summary>The process this client serves, its node and the test.</summary>
    protected ClientContext Context => context;

    /// <summary>Which node serves this operation and whether it is a read (no side effects).</summary>
    protected abstract (string Node, bool IsRead) Route(Op invocation);

    protected abstract Task<object?> ExecuteAsync(IDatabase db, Op invocation, CancellationToken ct);

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        var (node, isRead) = Route(invocation);
        var reused = connections.IsOpen(node);
        var completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        // A read on a connection that died while idle is tried once more on a fresh one: it has no effect.
        if (isRead && reused && completion.Type != OpType.Ok && !cancellationToken.IsCancellationRequested)
            completion = await AttemptAsync(invocation, node, isRead, cancellationToken).ConfigureAwait(false);
        return completion;
    }

    private async Task<Completion> AttemptAsync(Op invocation, string node, bool isRead, CancellationToken cancellationToken)
    {
        var connecting = true;
        try
        {
            var db = await connections.OpenAsync(node, cancellationToken).ConfigureAwait(false);
            connecting = false;
            var value = await ExecuteAsync(db, invocation, cancellationToken).ConfigureAwait(false);
            return value is FailedOp failed
                ? new Completion(OpType.Fail, invocation.Value, failed.Reason, node)
                : new Completion(OpType.Ok, value, null, node);
        }
        catch (Exception e)
        {
            connections.Drop(node);
            var type = RedisErrors.Classify(e, isRead, connecting);
            var error = (connecting ? "connect " + node + ": " : node + ": ") + RedisErrors.Describe(e);
            return new Completion(type, invocation.Value, error, node);
        }
    }

    public ValueTask DisposeAsync() => connections.DisposeAsync();

    /// <summary>Returned by <see cref="ExecuteAsync"/> for an operation that certainly did not take effect
    /// (a compare-and-set whose comparison failed).</summary>
    protected sealed record FailedOp(string Reason);
}
