using System.Globalization;
using System.Net;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Swift.Internal;

namespace Harness.Workloads.Swift.Workloads;

/// <summary>
/// A set as one object per element (<c>set/e&lt;n&gt;</c>): an add is a PUT through the chosen proxy; the final
/// read is the container listing through the process's own proxy (every node is read), which Swift keeps up to date
/// by container updates from the object servers (asynchronously, by the object-updater, when they fail).
/// </summary>
public static class SetClients
{
    public const string Container = "set";

    public static WorkloadClient Create(SwiftEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => endpoints.Cluster.CreateContainerAsync(Container, ct));

    private sealed class Client(SwiftEndpoints endpoints, ClientContext context) : SwiftClient(endpoints, context)
    {
        protected override async Task<Completion> ExecuteAsync(Op op, string node, string baseUrl, CancellationToken ct)
        {
            if (op.F == "add")
            {
                var element = (long)op.Value!;
                var name = "e" + element.ToString(CultureInfo.InvariantCulture);
                Endpoints.Cluster.Track(Container, name);
                var put = await Http.PutAsync(baseUrl, $"{Container}/{name}", element.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                return SwiftOutcome.Put(put, op.Value, node);
            }
            var own = Context.Node;
            var (status, body) = await Http.GetAsync(Endpoints.Cluster.ProxyUrl(own), $"{Container}?limit=10000", Endpoints.ReadNewest, ct).ConfigureAwait(false);
            if (status == HttpStatusCode.NoContent) return new Completion(OpType.Ok, Array.Empty<object?>(), null, own);
            if (status != HttpStatusCode.OK) return SwiftOutcome.ReadFailed(status, op.Value, own);
            var elements = body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(n => n.StartsWith('e'))
                .Select(n => long.TryParse(n.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? (long?)e : null)
                .OfType<long>().Order().Select(e => (object?)e).ToArray();
            return new Completion(OpType.Ok, elements, null, own);
        }
    }
}
