namespace Harness.Core.Databases;

/// <summary>
/// Stops and continues the database's own processes with SIGSTOP / SIGCONT, leaving the rest of the node (its
/// network rules, fault helpers) running: a long garbage-collection or I/O stall of the server alone, unlike
/// <see cref="IPausable"/>, which freezes the whole node.
/// </summary>
public interface IProcessSignalable
{
    Task StopProcessAsync(string node, CancellationToken cancellationToken);
    Task ContinueProcessAsync(string node, CancellationToken cancellationToken);
}
