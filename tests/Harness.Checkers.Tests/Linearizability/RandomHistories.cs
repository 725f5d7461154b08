using Harness.Core.History;

namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Small random cas-register histories: a real register applies each operation at a random moment
/// while it is in flight, then some reads and cas results are corrupted so both verdicts occur. Completions
/// are Ok, Fail (the operation is then not applied) or Info (applied or not, at random; the process retires).</summary>
internal static class RandomHistories
{
    public static History Make(Random random, int operations, int processes)
    {
        var b = new HistoryBuilder();
        object? register = null;
        var proc = Enumerable.Range(0, processes).ToArray();
        var phase = new int[processes];
        var pending = new (string F, object? Input, object? Output, bool Applied)[processes];
        int invoked = 0, nextProcess = processes;
        while (invoked < operations || phase.Any(p => p != 0))
        {
            var s = random.Next(processes);
            if (phase[s] == 0 && invoked < operations)
            {
                var f = random.Next(3) switch { 0 => "read", 1 => "write", _ => "cas" };
                object? input = f switch
                {
                    "read" => null,
                    "write" => (long)random.Next(3),
                    _ => new object?[] { (long)random.Next(3), (long)random.Next(3) },
                };
                pending[s] = (f, input, null, false);
                b.Invoke(proc[s], f, input);
                (phase[s], invoked) = (1, invoked + 1);
            }
            else if (phase[s] == 1 && random.Next(2) == 0) Apply(ref pending[s], ref register, random);
            else if (phase[s] == 1) Complete(b, random, s, proc, ref pending[s], ref nextProcess, phase);
        }
        return b.Build();
    }

    private static void Apply(ref (string F, object? Input, object? Output, bool Applied) op, ref object? register, Random random)
    {
        if (op.Applied) return;
        op.Applied = true;
        switch (op.F)
        {
            case "read": op.Output = random.Next(5) == 0 ? (long)random.Next(3) : register; break;
            case "write": register = op.Input; break;
            default:
                var pair = (object?[])op.Input!;
                var matches = ValueText.Equals(register, pair[0]);
                if (matches) register = pair[1];
                op.Output = matches ^ (random.Next(8) == 0);
                break;
        }
    }

    private static void Complete(HistoryBuilder b, Random random, int s, int[] proc, ref (string F, object? Input, object? Output, bool Applied) op,
        ref int nextProcess, int[] phase)
    {
        var roll = random.Next(10);
        if (roll < 2 && (op.F == "read" || !op.Applied || random.Next(2) == 0))
        {
            b.Info(proc[s], op.F, op.Input);
            proc[s] = nextProcess++;
        }
        else if (!op.Applied || (op.F == "cas" && op.Output is false))
        {
            b.Fail(proc[s], op.F, op.Input);
        }
        else
        {
            b.Ok(proc[s], op.F, op.F == "read" ? op.Output : op.Input);
        }
        phase[s] = 0;
    }
}
