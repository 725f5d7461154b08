namespace Harness.Core.Checking;

/// <summary>One check of a streamed history (see <see cref="IStreamingChecker"/>): every operation goes to
/// <see cref="Add"/> once, in history order, then <see cref="Finish"/> gives the verdict. <see cref="Add"/> never
/// throws for bad data (the verdict says what it skipped); the operation may be dropped by the caller at once.</summary>
public interface IStreamingCheck
{
    void Add(History.Op op);

    CheckResult Finish();
}
