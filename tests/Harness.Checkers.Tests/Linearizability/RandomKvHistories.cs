using Harness.Core.History;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Small random kv histories over a few keys: a real map applies each get, put or append at a random
/// moment while it is in flight; some gets then report an older value of their key (a stale read) so both
/// verdicts occur, and some calls crash once applied (Info: the outcome is unknown; the process retires).</summary>
internal static class RandomKvHistories
{
    public static History Make(Random random, int operations, int processes, int keys)
    {
        var b = new HistoryBuilder();
        var store = Enumerable.Range(0, keys).Select(_ => new List<string> { "" }).ToArray();
        var proc = Enumerable.Range(0, processes).ToArray();
        var phase = new int[processes];
        var pending = new (string F, string Key, string? Value, string? Output, bool Applied)[processes];
        int invoked = 0, nextProcess = processes;
        while (invoked < operations || phase.Any(p => p != 0))
        {
            var s = random.Next(processes);
            if (phase[s] == 0 && invoked < operations)
            {
                var f = random.Next(3) switch { 0 => "get", 1 => "put", _ => "append" };
                var key = "k" + random.Next(keys);
                var value = f == "get" ? null : ((char)('a' + random.Next(3))).ToString();
                pending[s] = (f, key, value, null, false);
                b.Invoke(proc[s], f, new object?[] { key, value });
                (phase[s], invoked) = (1, invoked + 1);
            }
            else if (phase[s] == 1 && !pending[s].Applied && random.Next(2) == 0)
            {
                var values = store[pending[s].Key[1] - '0'];
                pending[s].Applied = true;
                if (pending[s].F == "get") pending[s].Output = random.Next(6) == 0 ? values[random.Next(values.Count)] : values[^1];
                else values.Add(pending[s].F == "put" ? pending[s].Value! : values[^1] + pending[s].Value);
            }
            else if (phase[s] == 1 && pending[s].Applied)
            {
                var op = pending[s];
                if (random.Next(12) == 0)
                {
                    b.Info(proc[s], op.F, new object?[] { op.Key, op.Value });
                    proc[s] = nextProcess++;
                }
                else b.Ok(proc[s], op.F, new object?[] { op.Key, op.F == "get" ? op.Output : op.Value });
                phase[s] = 0;
            }
        }
        return b.Build();
    }
}
