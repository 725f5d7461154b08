using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Redis.Internal;
using StackExchange.Redis;

namespace Harness.Workloads.Redis.Workloads;

/// <summary>
/// Registers as Redis strings <c>register:&lt;key&gt;</c>: read is GET, write is SET, compare-and-set is a Lua script
/// (atomic on the server: GET, compare, SET). Writes and cas go to the master Sentinel names; reads go there too, or
/// with <c>--read-from replicas</c> to a replica, which under asynchronous replication may serve stale values.
/// Checked per key against a register that starts absent.
/// </summary>
public static class RegisterClients
{
    private const string CasScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    public static WorkloadClient Create(TestSpec test, RedisEndpoints endpoints) =>
        new(context => new Client(endpoints, context, test.DatabaseOptions.Text("read-from") == "replicas"));

    private sealed class Client(RedisEndpoints endpoints, ClientContext clientContext, bool fromReplicas) : RedisClient(endpoints.Endpoint, clientContext)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) => invocation.F == "read"
            ? (endpoints.ReadNode(Context.Process, Context.Node, fromReplicas), true)
            : (endpoints.Primary, false);

        protected override async Task<object?> ExecuteAsync(IDatabase db, Op op, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)op.Value!;
            var key = (long)kv[0]!;
            RedisKey redisKey = "register:" + key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (op.F)
            {
                case "read":
                    var value = await db.StringGetAsync(redisKey, CommandFlags.None).WaitAsync(ct).ConfigureAwait(false);
                    return new object?[] { key, value.IsNull ? null : (long)value };
                case "write":
                    await db.StringSetAsync(redisKey, (long)kv[1]!).WaitAsync(ct).ConfigureAwait(false);
                    return op.Value;
                default:
                    var pair = (IReadOnlyList<object?>)kv[1]!;
                    var swapped = await db.ScriptEvaluateAsync(CasScript, [redisKey], [(long)pair[0]!, (long)pair[1]!]).WaitAsync(ct).ConfigureAwait(false);
                    return (long)swapped == 1 ? op.Value : new FailedOp($"cas: value was not {pair[0]}");
            }
        }
    }
}
