namespace Harness.Checkers.Sets.Internal;

/// <summary>What became of one element, judged against the final reads.</summary>
internal enum ElementFate
{
    /// <summary>Acknowledged and present in every final read that began after the acknowledgement.</summary>
    Ok,
    /// <summary>Acknowledged, yet absent from every final read.</summary>
    Lost,
    /// <summary>Present in some final reads and missing from others that had to see it: replicas disagree.</summary>
    Divergent,
    /// <summary>Present in a final read although no add of it was ever attempted.</summary>
    Unexpected,
    /// <summary>Its add's outcome was unknown (Info or never completed), and it is present: it did happen.</summary>
    Recovered,
    /// <summary>Its add failed, yet it is present: a Fail must mean the add did not happen.</summary>
    FailedButPresent,
    /// <summary>Attempted, not acknowledged, absent: allowed.</summary>
    NeverRead,
}
