using Harness.Core.History;

namespace Harness.Workloads.Sql;

/// <summary>
/// Decides what an exception from a database driver means for the history: Fail (the operation certainly did not
/// happen) or Info (we cannot know). Misclassifying Info as Fail invents anomalies, so when unsure, say Info.
/// Each SQL module supplies one, since only it knows its driver's exception types and its server's error codes.
/// </summary>
public interface ISqlOutcomeClassifier
{
    /// <summary>Fail or Info for an operation that threw <paramref name="e"/> in <paramref name="phase"/>.</summary>
    OpType Classify(Exception e, SqlPhase phase, bool isRead);

    /// <summary>True when the server refused the statement and certainly rolled it back (a serialization failure,
    /// deadlock, constraint, read-only node): the connection is still usable after a ROLLBACK.</summary>
    bool IsRefusal(Exception e);

    /// <summary>A short text for the history's error field, e.g. <c>40001 could not serialize access</c>.</summary>
    string Describe(Exception e);
}
