namespace Harness.Core.Checking;

/// <summary>Runs several checkers on the same history and keeps the worst verdict. A checker that throws (a bug)
/// becomes Unknown with the exception text rather than losing the other verdicts.</summary>
public sealed class CompositeChecker(string name, IReadOnlyList<IChecker> checkers) : IChecker
{
    public string Name { get; } = name;

    public CheckResult Check(History.History history, CheckContext context)
    {
        var results = new List<CheckResult>(checkers.Count);
        foreach (var c in checkers)
        {
            try
            {
                results.Add(c.Check(history, context));
            }
            catch (Exception e)
            {
                results.Add(new CheckResult(c.Name, Validity.Unknown, "checker crashed: " + e.Message));
            }
        }
        return CheckResult.Compose(Name, results);
    }
}
