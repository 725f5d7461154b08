namespace Harness.Core.Checking;

/// <summary>
/// A checker that can also read a history as it streams past, one operation at a time in history order, without
/// the caller holding the history: <c>harness check</c> of a million-transaction file then never materialises a
/// million operations. The answer must be exactly the one <see cref="IChecker.Check"/> gives on the same operations
/// paired by <see cref="History.History.Of"/>; the caller streams only histories whose pairing it checks itself
/// (and rejects, as <c>History.Of</c> would, before asking for the answer).
/// </summary>
public interface IStreamingChecker : IChecker
{
    /// <summary>A check in progress fed with <see cref="IStreamingCheck.Add"/>, or null when this checker cannot
    /// stream (e.g. a composite with a member that needs the whole history): the caller then reads the history whole.</summary>
    IStreamingCheck? Begin(CheckContext context);
}
