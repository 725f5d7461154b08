using dotnet_etcd;
using Harness.Core.History;
using Harness.Core.Testing;

namespace Harness.Workloads.Etcd.Internal;

/// <summary>
/// The shared shape of our etcd clients: one process talks to one member (its own node's client port on 127.0.0.1)
/// over one channel, every call carries a gRPC deadline a little shorter than the runner's operation timeout, and any
/// exception is classified by <see cref="EtcdErrors"/>. Subclasses supply only the etcd requests.
/// </summary>
internal abstract class EtcdOperationClient(string node, string endpoint, TimeSpan deadline) : IClient
{
    private EtcdConnection? connection;

    /// <summary>True for operations without side effects, which fail rather than go unknown.</summary>
    protected abstract bool IsRead(Op invocation);

    /// <summary>Runs the operation; returns its completed value, or a <see cref="FailedOp"/> when it certainly did not take effect.</summary>
    protected abstract Task<object?> ExecuteAsync(EtcdClient client, Op invocation, DateTime deadline, CancellationToken ct);

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        connection ??= new EtcdConnection(endpoint);
        try
        {
            var value = await ExecuteAsync(connection.Client, invocation, DateTime.UtcNow + deadline, cancellationToken).ConfigureAwait(false);
            return value is FailedOp failed
                ? new Completion(OpType.Fail, invocation.Value, failed.Reason, node)
                : new Completion(OpType.Ok, value, null, node);
        }
        catch (Exception e)
        {
            return new Completion(EtcdErrors.Classify(e, IsRead(invocation)), invocation.Value, node + ": " + EtcdErrors.Describe(e), node);
        }
    }

    public ValueTask DisposeAsync()
    {
        connection?.Dispose();
        connection = null;
        return ValueTask.CompletedTask;
    }

    /// <summary>The gRPC deadline for a run's operation timeout: 80 % of it (at least half a second), so a slow read
    /// ends as our own Fail rather than the runner's Info.</summary>
    public static TimeSpan DeadlineFor(TestSpec test) => TimeSpan.FromSeconds(Math.Max(0.5, test.OperationTimeoutSeconds * 0.8));

    /// <summary>An operation that certainly did not take effect (a compare-and-set whose comparison failed).</summary>
    protected sealed record FailedOp(string Reason);
}
