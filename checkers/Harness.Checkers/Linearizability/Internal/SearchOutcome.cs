using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>What one search found. For an invalid (or abandoned) search: the deepest linearization reached
/// (<see cref="Deepest"/>, call numbers in order), the model state there, and the completed call that could
/// not be placed after it (<see cref="Blocked"/>, -1 if none was met). For a valid search:
/// <see cref="Linearization"/>, the calls in the order that was found legal.</summary>
internal sealed record SearchOutcome(Validity Validity, string? Reason, int[] Deepest, int DeepestState, int Blocked)
{
    public long Steps { get; init; }
    public long Configurations { get; init; }
    public int[] Linearization { get; init; } = [];
}
