using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Workloads.Swift.Internal;

namespace Harness.Workloads.Swift.Workloads;

/// <summary>
/// The shared half of Swift's workload clients: picks the coordinating proxy per request, turns exceptions and
/// status codes into completions (<see cref="SwiftOutcome"/>), and names the proxy that served each operation.
/// </summary>
public abstract class SwiftClient(SwiftEndpoints endpoints, ClientContext context) : IClient
{
    private readonly Func<string> choose = endpoints.Chooser(context);
    internal SwiftHttp Http { get; } = new(endpoints.Cluster.Http);
    protected SwiftEndpoints Endpoints => endpoints;
    protected ClientContext Context => context;

    public async Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken)
    {
        var node = choose();
        var isRead = invocation.F == "read";
        try
        {
            return await ExecuteAsync(invocation, node, endpoints.Cluster.ProxyUrl(node), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or TimeoutException)
        {
            if (cancellationToken.IsCancellationRequested && !isRead) return new Completion(OpType.Info, invocation.Value, "timeout", node);
            return SwiftOutcome.Exception(e, invocation.Value, node, isRead);
        }
    }

    protected abstract Task<Completion> ExecuteAsync(Op op, string node, string baseUrl, CancellationToken ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
