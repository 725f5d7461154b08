namespace Harness.Workloads.Sql;

/// <summary>How far an operation got when it failed, which decides whether the failure is certain or unknown.</summary>
public enum SqlPhase
{
    /// <summary>Opening the connection: nothing was sent, so nothing can have happened.</summary>
    Connecting,

    /// <summary>Inside an explicit transaction before COMMIT was sent: the server rolls back whatever it had.</summary>
    BeforeCommit,

    /// <summary>An autocommit statement or the COMMIT itself is in flight: it may or may not have taken effect.</summary>
    Committing,
}
