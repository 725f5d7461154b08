using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// Wing and Gong's search with Lowe's just-in-time linearization and cache (as in Porcupine). The history is a
/// doubly linked list of invocation and completion events in real-time order. Walking from the front, an
/// invocation may be linearized now if the model allows it and the resulting configuration (linearized set,
/// state) is new: it is then lifted out of the list with its completion and the walk restarts. Meeting a
/// completion means its call should already be linearized, so the search backtracks. It succeeds when every
/// completed (Ok) call is linearized: crashed calls have no completion event and may simply never happen.
/// Crashed calls with the same operation are interchangeable, so only the earliest-invoked unlinearized one
/// of such a group is tried (a symmetry cut that keeps many-crashed-writes histories tractable).
/// A read-only call that is legal now is linearized at once and never tried later: its invocation precedes
/// every pending completion and it leaves the state unchanged, so if the configuration with it fails, the
/// one without it fails too (the search then backtracks past both).
/// The search is resumable (<see cref="Advance"/> runs a slice of steps) so many keys can share the cores
/// fairly. <see cref="Advance"/> is the hot loop of the checker, hence one long method over flat arrays.
/// </summary>
internal sealed class WglSearch
{
    private readonly SearchProblem _p;
    private readonly int _head;
    private readonly int[] _next, _prev, _twin, _stackCall, _stackState;
    private readonly bool[] _readOnly;
    private readonly ulong[] _zobrist, _bits;
    private readonly VisitedSet _visited;
    private int _depth, _state, _okLeft, _node, _deepestState, _blocked = -1;
    private ulong _hash;
    private int[] _deepest = [];
    private long _steps;

    public WglSearch(SearchProblem p, CacheMeter meter)
    {
        _p = p;
        var n = p.Count;
        _head = 2 * n;
        _next = new int[2 * n + 2];
        _prev = new int[2 * n + 2];
        SearchSetup.Link(p, _next, _prev, _head, _head + 1);
        _twin = SearchSetup.Twins(p);
        _readOnly = p.Ops.Select((op, i) => !p.Crashed[i] && p.Model.IsReadOnly(op)).ToArray();
        _zobrist = SearchSetup.Zobrist(n);
        _bits = new ulong[Math.Max(1, (n + 63) / 64)];
        _visited = new VisitedSet(_bits.Length, meter, (int)Math.Min(1024, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 4 * n))));
        _stackCall = new int[n];
        _stackState = new int[n];
        _state = _deepestState = p.Model.Initial;
        _okLeft = p.Crashed.Count(c => !c);
        _node = _next[_head];
    }

    /// <summary>Steps taken so far.</summary>
    public long Steps => _steps;

    public static SearchOutcome Run(SearchProblem p, SearchBudget budget) =>
        new WglSearch(p, budget.Meter).Advance(long.MaxValue, budget)!;

    /// <summary>Runs up to <paramref name="maxSteps"/> steps; the outcome, or null if not finished yet.</summary>
    public SearchOutcome? Advance(long maxSteps, SearchBudget budget)
    {
        var p = _p;
        var next = _next;
        var bits = _bits;
        var stop = _steps + maxSteps;
        while (_okLeft > 0)
        {
            if ((++_steps & 0x3FF) == 0)
            {
                if (budget.Exhausted() is { } reason) return Finish(Validity.Unknown, reason);
                if (_steps >= stop) return null;
            }
            var node = _node;
            if ((node & 1) == 0)
            {
                var c = node >> 1;
                var t = _twin[c];
                var s2 = t < 0 || (bits[t >> 6] & (1UL << t)) != 0 ? p.Model.Step(_state, p.Ops[c]) : -1;
                if (s2 >= 0)
                {
                    bits[c >> 6] |= 1UL << c;
                    var h2 = _hash ^ _zobrist[c];
                    if (_visited.Add(bits, s2, h2 ^ ((ulong)(uint)s2 * 0x9E3779B97F4A7C15UL)))
                    {
                        _stackCall[_depth] = c;
                        _stackState[_depth++] = _state;
                        _state = s2;
                        _hash = h2;
                        SearchSetup.Lift(next, _prev, c, p.Crashed[c]);
                        if (!p.Crashed[c]) _okLeft--;
                        _node = next[_head];
                        continue;
                    }
                    bits[c >> 6] &= ~(1UL << c);
                }
                if (s2 < 0 || !_readOnly[c])
                {
                    _node = next[node];
                    continue;
                }
                // A legal read-only call whose configuration already failed: this one fails as well.
            }
            else if (_blocked < 0 || _depth > _deepest.Length)
            {
                _deepest = _stackCall.AsSpan(0, _depth).ToArray();
                _deepestState = _state;
                _blocked = node >> 1;
            }
            int back;
            do
            {
                if (_depth == 0) return Finish(Validity.Invalid, null);
                back = _stackCall[--_depth];
                _state = _stackState[_depth];
                bits[back >> 6] &= ~(1UL << back);
                _hash ^= _zobrist[back];
                SearchSetup.Unlift(next, _prev, back, p.Crashed[back]);
                if (!p.Crashed[back]) _okLeft++;
            }
            while (_readOnly[back]);
            _node = next[2 * back];
        }
        return Finish(Validity.Valid, null);
    }

    /// <summary>Gives the cache's memory back for a search that will not be resumed.</summary>
    public void Abandon() => _visited.Release();

    private SearchOutcome Finish(Validity validity, string? reason)
    {
        _visited.Release();
        return new SearchOutcome(validity, reason, _deepest, _deepestState, _blocked)
        {
            Steps = _steps,
            Configurations = _visited.Count,
            Linearization = validity == Validity.Valid ? _stackCall.AsSpan(0, _depth).ToArray() : [],
        };
    }
}
