using System.Globalization;
using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Etcd.Internal;

namespace Harness.Workloads.Etcd.Workloads;

/// <summary>
/// A set as one etcd key per element under <c>harness/set/</c>: an add is a put of that key through the process's
/// own member; the final read is a range get of the whole prefix from each member (every process reads its own
/// node, so every member is read), with the chosen read consistency.
/// </summary>
public static class SetClients
{
    public const string Prefix = "harness/set/";

    public static WorkloadClient Create(EtcdCluster cluster, TestSpec test)
    {
        var serializable = test.DatabaseOptions.Text("read-consistency") == "serializable";
        var deadline = EtcdOperationClient.DeadlineFor(test);
        return new(context => new Client(context.Node, cluster.Endpoint(context.Node), deadline, serializable));
    }

    /// <summary>The first key after every key that starts with <paramref name="prefix"/> (etcd's prefix range end).</summary>
    public static ByteString RangeEnd(string prefix) => ByteString.CopyFromUtf8(prefix[..^1] + (char)(prefix[^1] + 1));

    private sealed class Client(string node, string endpoint, TimeSpan deadline, bool serializable) : EtcdOperationClient(node, endpoint, deadline)
    {
        protected override bool IsRead(Op invocation) => invocation.F == "read";

        protected override async Task<object?> ExecuteAsync(EtcdClient client, Op op, DateTime deadline, CancellationToken ct)
        {
            if (op.F == "add")
            {
                var element = (long)op.Value!;
                var key = ByteString.CopyFromUtf8(Prefix + element.ToString("D19", CultureInfo.InvariantCulture));
                await client.PutAsync(new PutRequest { Key = key, Value = ByteString.CopyFromUtf8(element.ToString(CultureInfo.InvariantCulture)) }, null, deadline, ct)
                    .ConfigureAwait(false);
                return op.Value;
            }
            var range = new RangeRequest { Key = ByteString.CopyFromUtf8(Prefix), RangeEnd = RangeEnd(Prefix), Serializable = serializable };
            var answer = await client.GetAsync(range, null, deadline, ct).ConfigureAwait(false);
            return answer.Kvs.Select(k => (object?)long.Parse(k.Value.ToStringUtf8(), CultureInfo.InvariantCulture)).OrderBy(v => (long)v!).ToArray();
        }
    }
}
