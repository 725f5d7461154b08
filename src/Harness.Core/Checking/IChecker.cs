namespace Harness.Core.Checking;

/// <summary>
/// A pure function from a history to a verdict. Checkers never throw for bad data and never hang: a search that
/// runs out of <see cref="CheckContext.Deadline"/> returns <see cref="Validity.Unknown"/> with the reason.
/// </summary>
public interface IChecker
{
    string Name { get; }

    CheckResult Check(History.History history, CheckContext context);
}
