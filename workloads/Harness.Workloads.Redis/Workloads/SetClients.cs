using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads.Redis.Internal;
using StackExchange.Redis;

namespace Harness.Workloads.Redis.Workloads;

/// <summary>
/// Unique elements added with SADD to one Redis set (<c>harness-set</c>) on the master Sentinel names while faults
/// run; after healing every process reads the whole set with SMEMBERS from its own node, so every node is read.
/// The set checker counts acknowledged-but-lost elements: the writes an isolated master acknowledged before
/// Sentinel replaced it and it was turned into a replica, discarding them.
/// </summary>
public static class SetClients
{
    private static readonly RedisKey Key = "harness-set";

    public static WorkloadClient Create(RedisEndpoints endpoints) => new(context => new Client(endpoints, context));

    private sealed class Client(RedisEndpoints endpoints, ClientContext clientContext) : RedisClient(endpoints.Endpoint, clientContext)
    {
        protected override (string Node, bool IsRead) Route(Op invocation) =>
            invocation.F == "read" ? (Context.Node, true) : (endpoints.Primary, false);

        protected override async Task<object?> ExecuteAsync(IDatabase db, Op op, CancellationToken ct)
        {
            if (op.F == "add")
            {
                await db.SetAddAsync(Key, (long)op.Value!).WaitAsync(ct).ConfigureAwait(false);
                return op.Value;
            }
            var members = await db.SetMembersAsync(Key, CommandFlags.PreferReplica).WaitAsync(ct).ConfigureAwait(false);
            return members.Select(m => (long)m).Order().Select(v => (object?)v).ToArray();
        }
    }
}
