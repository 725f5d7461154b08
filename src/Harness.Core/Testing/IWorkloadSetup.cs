namespace Harness.Core.Testing;

/// <summary>Opt-in for workloads that need something prepared once the cluster is healthy (tables, initial rows).
/// The runner calls it after the database's setup and before the clock starts.</summary>
public interface IWorkloadSetup
{
    Task SetupAsync(CancellationToken cancellationToken);
}
