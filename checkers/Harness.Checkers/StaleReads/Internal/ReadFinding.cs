namespace Harness.Checkers.StaleReads.Internal;

/// <summary>
/// A read proven wrong. For a stale read, <see cref="Overwrite"/> is an Ok write that began after the read value's
/// write (<see cref="Source"/>, null for the initial value) was acknowledged and was itself acknowledged before the
/// read began; <see cref="StalenessNs"/> is the time from that acknowledgement to the read's invocation.
/// A garbage read has no overwrite: <see cref="Reason"/> says why its value cannot have been present.
/// </summary>
internal sealed record ReadFinding(
    string Kind,
    object? Key,
    RegisterRead Read,
    RegisterWrite? Source,
    RegisterWrite? Overwrite,
    long StalenessNs,
    string Reason)
{
    public const string Stale = "stale-read";
    public const string Garbage = "garbage-read";
}
