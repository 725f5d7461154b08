using System.Diagnostics;

namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Finds dependency cycles and names them. First the strongly connected components of the whole graph: a history
/// whose components are all single transactions has no cycle at all, and that is the common, fast case. Inside the
/// non-trivial components each <see cref="CycleSpec"/> is tried in turn (plain, then -process, then -realtime;
/// G0 first, G2-item last) on the components of the edges that spec allows. A search picks a start edge of the
/// spec's kind and runs a breadth-first search back to its source, so the cycle it finds is the shortest through
/// that edge; every start edge is tried (paths no shorter than the best so far are pruned, and a two-transaction
/// cycle ends the search), so the example reported for each class is the component's shortest. A component that
/// already showed a family is not searched again for that family's weaker variants, nor for families it implies.
/// Each search of one class in one component has a time budget: when it runs out before any cycle of the class was
/// found, that class is unknown for that component (<see cref="Timeouts"/>), never a silent pass.
/// </summary>
internal sealed partial class CycleSearch(DependencyGraph g, TimeSpan componentBudget, Stopwatch clock, TimeSpan? totalBudget, CancellationToken cancel)
{
    private static readonly (string Suffix, EdgeKind Extra, EdgeKind Required)[] Variants =
    [
        ("", EdgeKind.None, EdgeKind.None),
        (TransactionalAnomalyKinds.ProcessSuffix, EdgeKind.Process, EdgeKind.Process),
        (TransactionalAnomalyKinds.RealtimeSuffix, EdgeKind.Process | EdgeKind.Realtime, EdgeKind.Realtime),
    ];

    private readonly Dictionary<string, bool[]> _familyMarks = new();
    private int[] _localOf = [];
    private bool[] _candidate = [];

    public List<FoundCycle> Cycles { get; } = new();

    public int NontrivialComponents { get; private set; }

    public int TimedOutSearches => Timeouts.Count;

    /// <summary>Every (class, component size) whose search ran out of budget without finding a cycle.</summary>
    public List<(string Class, int ComponentSize)> Timeouts { get; } = new();

    public bool DeadlinePassed { get; private set; }

    public void Run()
    {
        var full = SccFinder.Find(g, EdgeKind.All);
        _candidate = new bool[g.NodeCount];
        for (var u = 0; u < g.NodeCount; u++) _candidate[u] = full.IsNontrivial(u);
        NontrivialComponents = full.Sizes.Count(s => s > 1);
        if (NontrivialComponents == 0) return;
        _localOf = new int[g.NodeCount];
        foreach (var f in TransactionalAnomalyKinds.CycleFamilies) _familyMarks[f] = new bool[g.NodeCount];
        foreach (var (suffix, extra, required) in Variants)
            foreach (var spec in CycleSpec.ForVariant(suffix, extra, required))
            {
                if (OutOfTime()) { DeadlinePassed = true; return; }
                SearchSpec(spec);
            }
    }

    private bool OutOfTime() =>
        cancel.IsCancellationRequested || (totalBudget is { } b && clock.Elapsed > b);

    private void SearchSpec(CycleSpec spec)
    {
        var scc = SccFinder.Find(g, spec.Allowed, u => _candidate[u]);
        var members = new List<int>[scc.ComponentCount];
        for (var u = 0; u < g.NodeCount; u++)
            if (scc.IsNontrivial(u)) (members[scc.Component[u]] ??= new List<int>()).Add(u);
        foreach (var list in members)
        {
            if (list is null || AlreadyExplained(spec.Family, list)) continue;
            if (OutOfTime()) { DeadlinePassed = true; return; }
            var cycle = SearchComponent(spec, list, scc.Component, out var timedOut);
            if (cycle is null)
            {
                if (timedOut) Timeouts.Add((spec.Name, list.Count));
                continue;
            }
            Cycles.Add(cycle);
            foreach (var u in list) _familyMarks[spec.Family][u] = true;
        }
    }

    /// <summary>True if part of the component already showed this family, or one that implies it.</summary>
    private bool AlreadyExplained(string family, List<int> members)
    {
        IEnumerable<string> covering = family switch
        {
            TransactionalAnomalyKinds.GNonadjacent => [family, TransactionalAnomalyKinds.GSingle],
            TransactionalAnomalyKinds.G2Item => [family, TransactionalAnomalyKinds.GSingle, TransactionalAnomalyKinds.GNonadjacent],
            _ => [family],
        };
        foreach (var f in covering)
        {
            var marks = _familyMarks[f];
            foreach (var u in members)
                if (marks[u]) return true;
        }
        return false;
    }
}
