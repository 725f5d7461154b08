using System.Globalization;
using System.Net;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Swift.Internal;

namespace Harness.Workloads.Swift.Workloads;

/// <summary>
/// Registers as objects <c>register/r&lt;key&gt;</c> holding the decimal value. A write is a PUT through the chosen
/// proxy, a read a GET (404: absent) with or without <c>X-Newest</c>. Swift has no conditional overwrite, so a
/// cas certainly does nothing: Fail. Every written object is tracked for the convergence and placement probes.
/// </summary>
public static class RegisterClients
{
    public const string Container = "register";

    /// <summary>Register key k is the object <c>r&lt;k&gt;</c>.</summary>
    public const string ObjectPrefix = "r";

    public static WorkloadClient Create(SwiftEndpoints endpoints) => new(
        context => new Client(endpoints, context),
        ct => endpoints.Cluster.CreateContainerAsync(Container, ct));

    public static string ObjectName(long key) => ObjectPrefix + key.ToString(CultureInfo.InvariantCulture);

    private sealed class Client(SwiftEndpoints endpoints, ClientContext context) : SwiftClient(endpoints, context)
    {
        protected override async Task<Completion> ExecuteAsync(Op op, string node, string baseUrl, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)op.Value!;
            var key = (long)kv[0]!;
            var path = $"{Container}/{ObjectName(key)}";
            switch (op.F)
            {
                case "write":
                    Endpoints.Cluster.Track(Container, ObjectName(key));
                    var put = await Http.PutAsync(baseUrl, path, ((long)kv[1]!).ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                    return SwiftOutcome.Put(put, op.Value, node);
                case "read":
                    var (status, body) = await Http.GetAsync(baseUrl, path, Endpoints.ReadNewest, ct).ConfigureAwait(false);
                    if (status == HttpStatusCode.NotFound) return new Completion(OpType.Ok, new object?[] { key, null }, null, node);
                    if (status != HttpStatusCode.OK || !long.TryParse(body, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                        return SwiftOutcome.ReadFailed(status, op.Value, node);
                    return new Completion(OpType.Ok, new object?[] { key, v }, null, node);
                default:
                    return new Completion(OpType.Fail, op.Value, "swift has no compare-and-set", node);
            }
        }
    }
}
