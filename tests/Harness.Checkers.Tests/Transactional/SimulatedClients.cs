using Harness.Core.History;

namespace Harness.Checkers.Tests.Transactional;

/// <summary>
/// Runs seeded concurrent clients against a <see cref="SimulatedDatabase"/> and records the history. Each step picks
/// a client at random: an idle client invokes a new transaction (1–4 reads and appends/writes over a few keys); a
/// busy one runs its next micro-op or commits. A few commits are recorded as Info (the client could not tell), half
/// of them having taken effect; that client then continues as a fresh process, as Jepsen's do.
/// </summary>
public static class SimulatedClients
{
    public static History Run(SimulatedDatabase db, int seed, int transactions, bool registers, int clients = 4, int keys = 3)
    {
        var rng = new Random(seed);
        var ops = new List<Op>();
        var state = new Client[clients];
        for (var c = 0; c < clients; c++) state[c] = new Client { Process = c };
        var nextProcess = clients;
        var started = 0;
        long nextValue = 1;
        while (started < transactions || state.Any(s => s.Mops is not null))
        {
            var client = state[rng.Next(clients)];
            if (client.Mops is null)
            {
                if (started >= transactions) continue;
                started++;
                client.Mops = NewTxn(rng, keys, registers, ref nextValue);
                client.Done = new List<object?[]>();
                client.Txn = db.Begin();
                var invoke = client.Mops.Select(m => (object?)(m[0] is "r" ? new object?[] { "r", m[1], null } : m)).ToArray();
                ops.Add(new Op(ops.Count, ops.Count, OpType.Invoke, client.Process, "txn", invoke));
                client.Invoke = invoke;
            }
            else if (client.Done!.Count < client.Mops.Length && !db.ExecutesAtCommit)
            {
                client.Done.Add(db.Execute(client.Txn!, client.Mops[client.Done.Count], registers));
            }
            else
            {
                Finish(db, client, ops, rng, registers, ref nextProcess);
            }
        }
        return History.Of(ops);
    }

    private sealed class Client
    {
        public int Process;
        public object?[][]? Mops;
        public List<object?[]>? Done;
        public SimulatedDatabase.Txn? Txn;
        public object?[]? Invoke;
    }

    private static void Finish(SimulatedDatabase db, Client client, List<Op> ops, Random rng, bool registers, ref int nextProcess)
    {
        if (db.ExecutesAtCommit)
            foreach (var m in client.Mops!) client.Done!.Add(db.Execute(client.Txn!, m, registers));
        var unsure = rng.NextDouble() < 0.03;
        var committed = unsure && rng.Next(2) == 0 ? false : db.Commit(client.Txn!);
        if (unsure)
        {
            ops.Add(new Op(ops.Count, ops.Count, OpType.Info, client.Process, "txn", client.Invoke, Error: "connection lost"));
            client.Process = nextProcess++;
        }
        else
        {
            object? value = committed ? client.Done!.Select(m => (object?)m).ToArray() : client.Invoke;
            ops.Add(new Op(ops.Count, ops.Count, committed ? OpType.Ok : OpType.Fail, client.Process, "txn", value));
        }
        client.Mops = null;
    }

    private static object?[][] NewTxn(Random rng, int keys, bool registers, ref long nextValue)
    {
        var mops = new object?[rng.Next(1, 5)][];
        for (var i = 0; i < mops.Length; i++)
        {
            var key = "k" + rng.Next(keys);
            mops[i] = rng.Next(2) == 0 ? ["r", key, null] : [registers ? "w" : "append", key, nextValue++];
        }
        return mops;
    }
}
