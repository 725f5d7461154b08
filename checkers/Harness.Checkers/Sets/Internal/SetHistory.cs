using Harness.Core.History;

namespace Harness.Checkers.Sets.Internal;

/// <summary>
/// A set workload's history, digested: every attempted add (one entry per element, the most certain outcome kept
/// when an element was added twice) and the final reads, i.e. the Ok reads invoked after the last add invocation.
/// Values that do not fit the workload are skipped and described in <see cref="Notes"/>. The adds hold positions, not
/// operations (see <see cref="SetAdd"/>).
/// </summary>
internal sealed class SetHistory
{
    public Dictionary<long, SetAdd> Adds { get; } = [];
    public List<FinalRead> FinalReads { get; } = [];
    public List<string> Notes { get; } = [];

    public static SetHistory Of(History history)
    {
        var result = new SetHistory();
        var reads = new List<(int Position, int Partner)>();
        int lastAddInvoke = -1, badAdds = 0, duplicateAdds = 0, otherOps = 0;
        for (var i = 0; i < history.Count; i++)
        {
            var op = history[i];
            if (op.IsNemesis || !op.IsInvoke) continue;
            if (op.F == "add")
            {
                lastAddInvoke = i;
                if (!ValueText.TryLong(op.Value, out var element)) { badAdds++; continue; }
                if (!result.Remember(SetAdd.Of(element, i, history))) duplicateAdds++;
            }
            else if (op.F == "read") reads.Add((i, history.PartnerOf(i)));
            else otherOps++;
        }
        result.CollectFinalReads(history, reads, lastAddInvoke);
        result.Note(badAdds, "add(s) without an integer element were skipped");
        result.Note(duplicateAdds, "element(s) were added more than once (the most certain outcome was kept)");
        result.Note(otherOps, "operation(s) other than add and read were ignored");
        return result;
    }

    private bool Remember(SetAdd add)
    {
        if (!Adds.TryGetValue(add.Element, out var prior))
        {
            Adds[add.Element] = add;
            return true;
        }
        if (add.Strength > prior.Strength) Adds[add.Element] = add;
        return false;
    }

    private void CollectFinalReads(History history, List<(int Position, int Partner)> reads, int lastAddInvoke)
    {
        int interim = 0, malformed = 0, oddElements = 0;
        foreach (var (position, partner) in reads)
        {
            if (partner < 0 || !history[partner].IsOk) continue;
            if (position < lastAddInvoke) { interim++; continue; }
            if (history[partner].Value is not IReadOnlyList<object?> list) { malformed++; continue; }
            var elements = new HashSet<long>();
            foreach (var item in list)
            {
                if (ValueText.TryLong(item, out var e)) elements.Add(e);
                else oddElements++;
            }
            FinalReads.Add(new FinalRead(position, history[position], partner, history[partner], elements));
        }
        Note(interim, "Ok read(s) made while adds were still being invoked were not used as final reads");
        Note(malformed, "Ok read(s) whose value is not a list were skipped");
        Note(oddElements, "non-integer element(s) in final reads were skipped");
    }

    private void Note(int count, string what)
    {
        if (count > 0) Notes.Add($"{count} {what}");
    }
}
