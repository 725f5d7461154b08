namespace Harness.Core.Checking;

/// <summary>Runs several checkers on the same history and keeps the worst verdict. A checker that throws (a bug)
/// becomes Unknown with the exception text rather than losing the other verdicts. It streams (see
/// <see cref="IStreamingChecker"/>) when every member does.</summary>
public sealed class CompositeChecker(string name, IReadOnlyList<IChecker> checkers) : IStreamingChecker
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
                results.Add(Crashed(c, e));
            }
        }
        return CheckResult.Compose(Name, results);
    }

    public IStreamingCheck? Begin(CheckContext context)
    {
        var members = new List<(IChecker Checker, IStreamingCheck? Check, Exception? Crash)>(checkers.Count);
        foreach (var c in checkers)
        {
            if (c is not IStreamingChecker s) return null;
            try
            {
                if (s.Begin(context) is not { } check) return null;
                members.Add((c, check, null));
            }
            catch (Exception e)
            {
                members.Add((c, null, e));
            }
        }
        return new Streaming(Name, members);
    }

    private static CheckResult Crashed(IChecker c, Exception e) => new(c.Name, Validity.Unknown, "checker crashed: " + e.Message);

    /// <summary>Feeds every member; a member that throws is fed no more and answers Unknown, as in <see cref="Check"/>.</summary>
    private sealed class Streaming(string name, List<(IChecker Checker, IStreamingCheck? Check, Exception? Crash)> members) : IStreamingCheck
    {
        public void Add(History.Op op)
        {
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                if (m.Check is null) continue;
                try
                {
                    m.Check.Add(op);
                }
                catch (Exception e)
                {
                    members[i] = (m.Checker, null, e);
                }
            }
        }

        public CheckResult Finish()
        {
            var results = new List<CheckResult>(members.Count);
            foreach (var (checker, check, crash) in members)
            {
                try
                {
                    results.Add(check is not null ? check.Finish() : Crashed(checker, crash!));
                }
                catch (Exception e)
                {
                    results.Add(Crashed(checker, e));
                }
            }
            return CheckResult.Compose(name, results);
        }
    }
}
