namespace Harness.Core.History;

/// <summary>
/// A whole history: operations in the order they happened, each invocation paired with its completion.
/// A process has at most one operation in flight, so a completion belongs to the latest invocation of its process.
/// An invocation with no completion (the run ended or the harness died) is treated as Info by checkers:
/// it may or may not have taken effect.
/// </summary>
public sealed class History
{
    private readonly int[] _partner;

    public IReadOnlyList<Op> Ops { get; }

    private History(IReadOnlyList<Op> ops, int[] partner)
    {
        Ops = ops;
        _partner = partner;
    }

    public int Count => Ops.Count;

    public Op this[int position] => Ops[position];

    /// <summary>Pairs invocations and completions. Throws <see cref="HistoryPairingException"/> for a completion
    /// with no open invocation or a second invocation while one is open on the same process.</summary>
    public static History Of(IReadOnlyList<Op> ops)
    {
        var partner = new int[ops.Count];
        Array.Fill(partner, -1);
        var cursor = new PairingCursor();
        for (var i = 0; i < ops.Count; i++)
        {
            var inv = cursor.Add(ops[i], i, out var fault);
            if (fault is not null) throw fault;
            if (inv < 0) continue;
            partner[i] = inv;
            partner[inv] = i;
        }
        return new History(ops, partner);
    }

    /// <summary>Position of the other half of the pair, or -1 (an open invocation, or an unpaired nemesis entry).</summary>
    public int PartnerOf(int position) => _partner[position];

    /// <summary>The completion of the invocation at <paramref name="position"/>, or null if it never completed.</summary>
    public Op? CompletionOf(int position) => _partner[position] < 0 ? null : Ops[_partner[position]];

    /// <summary>Client operations only (the nemesis removed), re-paired.</summary>
    public History ClientOnly() => Of(Ops.Where(o => !o.IsNemesis).ToList());

    /// <summary>Every invocation with its completion (null when open), in invocation order.</summary>
    public IEnumerable<(Op Invoke, Op? Completion)> Pairs()
    {
        for (var i = 0; i < Ops.Count; i++)
            if (Ops[i].Type == OpType.Invoke)
                yield return (Ops[i], CompletionOf(i));
    }

    /// <summary>Windows during which a fault was active, from the nemesis's start/stop entries.</summary>
    public IReadOnlyList<FaultWindow> FaultWindows() => FaultWindow.From(Ops);
}
