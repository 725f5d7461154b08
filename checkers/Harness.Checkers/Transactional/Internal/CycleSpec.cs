namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// One cycle shape to look for. A search starts from an edge of kind <see cref="Start"/> (a → b) and walks back
/// from b to a over <see cref="Allowed"/> edges, tracking a small state: saw a wr edge, saw the required edge
/// (the process or realtime edge that makes a -process or -realtime variant), last edge was rw, saw two rw.
/// </summary>
internal sealed record CycleSpec(string Family, string Suffix, EdgeKind Allowed, EdgeKind Start, EdgeKind Required)
{
    public const int States = 16;
    private const int SawWr = 1, SawRequired = 2, LastRw = 4, TwoRw = 8;

    public string Name => Family + Suffix;

    private bool IsFamily(string f) => ReferenceEquals(Family, f) || Family == f;

    public int Initial(EdgeKind first)
    {
        var s = 0;
        if (first == EdgeKind.WR) s |= SawWr;
        if (Required == EdgeKind.None || first == Required) s |= SawRequired;
        if (first == EdgeKind.RW) s |= LastRw;
        return s;
    }

    /// <summary>The state after taking an edge of kind <paramref name="k"/>, or -1 if the shape forbids it.</summary>
    public int Step(int s, EdgeKind k)
    {
        if ((k & Allowed) == 0) return -1;
        if (k == EdgeKind.RW)
        {
            if (IsFamily(TransactionalAnomalyKinds.GSingle)) return -1;
            if (IsFamily(TransactionalAnomalyKinds.GNonadjacent))
                return (s & LastRw) != 0 ? -1 : s | LastRw | TwoRw;
            return s | LastRw;
        }
        s &= ~LastRw;
        if (k == EdgeKind.WR) s |= SawWr;
        if (k == Required) s |= SawRequired;
        return s;
    }

    /// <summary>Whether a walk that has returned to its start node in state <paramref name="s"/> is this shape.</summary>
    public bool Accepts(int s)
    {
        if ((s & SawRequired) == 0) return false;
        if (IsFamily(TransactionalAnomalyKinds.G1c)) return (s & SawWr) != 0;
        if (IsFamily(TransactionalAnomalyKinds.GNonadjacent)) return (s & TwoRw) != 0 && (s & LastRw) == 0;
        return true;
    }

    /// <summary>The specs for one variant ("", "-process", "-realtime"), strongest family first.</summary>
    public static IEnumerable<CycleSpec> ForVariant(string suffix, EdgeKind extra, EdgeKind required)
    {
        var dataPlus = EdgeKind.Data | extra;
        var start = required == EdgeKind.None ? (EdgeKind?)null : required;
        yield return new(TransactionalAnomalyKinds.G0, suffix, EdgeKind.WW | extra, start ?? EdgeKind.WW, required);
        yield return new(TransactionalAnomalyKinds.G1c, suffix, EdgeKind.WW | EdgeKind.WR | extra, start ?? EdgeKind.WR, required);
        yield return new(TransactionalAnomalyKinds.GSingle, suffix, dataPlus, EdgeKind.RW, required);
        yield return new(TransactionalAnomalyKinds.GNonadjacent, suffix, dataPlus, EdgeKind.RW, required);
        yield return new(TransactionalAnomalyKinds.G2Item, suffix, dataPlus, EdgeKind.RW, required);
    }
}

/// <summary>A cycle found: <c>Nodes[i]</c> precedes <c>Nodes[(i + 1) % n]</c> by an edge of kind <c>Kinds[i]</c>.</summary>
internal sealed record FoundCycle(string Kind, int[] Nodes, EdgeKind[] Kinds);
