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
/// Registers as etcd keys <c>harness/register/&lt;key&gt;</c> holding the value as decimal text. Each process talks
/// to its own member: a write is a put, a compare-and-set one transaction that compares the key's value and puts
/// only if it matched, and a read a range get — linearizable (through the leader, Raft's read index) or, with
/// <c>--read-consistency serializable</c>, answered from the member's own store, which a cut-off member may hold stale.
/// </summary>
public static class RegisterClients
{
    public const string Prefix = "harness/register/";

    public static WorkloadClient Create(EtcdCluster cluster, TestSpec test)
    {
        var serializable = test.DatabaseOptions.Text("read-consistency") == "serializable";
        var deadline = EtcdOperationClient.DeadlineFor(test);
        return new(context => new Client(context.Node, cluster.Endpoint(context.Node), deadline, serializable));
    }

    private static ByteString Key(long key) => ByteString.CopyFromUtf8(Prefix + key.ToString(CultureInfo.InvariantCulture));

    private static ByteString Text(long value) => ByteString.CopyFromUtf8(value.ToString(CultureInfo.InvariantCulture));

    private sealed class Client(string node, string endpoint, TimeSpan deadline, bool serializable) : EtcdOperationClient(node, endpoint, deadline)
    {
        protected override bool IsRead(Op invocation) => invocation.F == "read";

        protected override async Task<object?> ExecuteAsync(EtcdClient client, Op op, DateTime deadline, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)op.Value!;
            var key = (long)kv[0]!;
            switch (op.F)
            {
                case "read":
                    var range = await client.GetAsync(new RangeRequest { Key = Key(key), Serializable = serializable }, null, deadline, ct).ConfigureAwait(false);
                    return new object?[] { key, range.Kvs.Count == 0 ? null : long.Parse(range.Kvs[0].Value.ToStringUtf8(), CultureInfo.InvariantCulture) };
                case "write":
                    await client.PutAsync(new PutRequest { Key = Key(key), Value = Text((long)kv[1]!) }, null, deadline, ct).ConfigureAwait(false);
                    return op.Value;
                default:
                    var pair = (IReadOnlyList<object?>)kv[1]!;
                    var txn = new TxnRequest();
                    txn.Compare.Add(new Compare
                    {
                        Key = Key(key), Target = Compare.Types.CompareTarget.Value, Result = Compare.Types.CompareResult.Equal, Value = Text((long)pair[0]!),
                    });
                    txn.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = Key(key), Value = Text((long)pair[1]!) } });
                    var answer = await client.TransactionAsync(txn, null, deadline, ct).ConfigureAwait(false);
                    return answer.Succeeded ? op.Value : new FailedOp(string.Create(CultureInfo.InvariantCulture, $"cas: value was not {pair[0]}"));
            }
        }
    }
}
