using Harness.Core.History;

namespace Harness.Check;

/// <summary>A checked history's counts for the summary and the JSON (client operations, ok, fail, fault windows),
/// taken in one pass so the history can be let go before a stored run's report reads its own copy.</summary>
public readonly record struct CheckCounts(int Operations, int Ok, int Fail, int Faults)
{
    public static CheckCounts Of(History history)
    {
        int ops = 0, ok = 0, fail = 0;
        foreach (var (invoke, completion) in history.Pairs())
        {
            if (invoke.IsNemesis) continue;
            ops++;
            if (completion?.IsOk == true) ok++;
            else if (completion?.IsFail == true) fail++;
        }
        return new CheckCounts(ops, ok, fail, history.FaultWindows().Count);
    }
}
