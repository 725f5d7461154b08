namespace Harness.Workloads.Sql;

/// <summary>The SQL name of an <c>--isolation</c> choice (repeatable-read -> REPEATABLE READ). Only known names pass,
/// so an option value can never inject SQL into the BEGIN statement.</summary>
public static class SqlIsolation
{
    public static string Level(string isolation) => isolation switch
    {
        "read-uncommitted" or "read-committed" or "repeatable-read" or "serializable" => isolation.Replace('-', ' ').ToUpperInvariant(),
        _ => throw new ArgumentException($"unknown isolation level '{isolation}'", nameof(isolation)),
    };
}
