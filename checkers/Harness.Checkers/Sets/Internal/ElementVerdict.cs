namespace Harness.Checkers.Sets.Internal;

/// <summary>One element's fate with its evidence: the add (null if never attempted), the final reads that hold it
/// and the final reads that should have held it but do not.</summary>
internal sealed record ElementVerdict(
    long Element,
    ElementFate Fate,
    SetAdd? Add,
    IReadOnlyList<FinalRead> Holding,
    IReadOnlyList<FinalRead> Missing);
