namespace Harness.Docker;

/// <summary>
/// Labels on every container and network the harness creates. <see cref="Managed"/> lets
/// <see cref="DockerCleaner"/> find leftovers of crashed runs; <see cref="Run"/> ties them to one run.
/// </summary>
public static class HarnessLabels
{
    public const string ManagedKey = "harness.managed";
    public const string Managed = "harness.managed=true";
    public const string RunKey = "harness.run";
    public const string NodeKey = "harness.node";
    public const string ClusterKey = "harness.cluster";

    /// <summary>The harness process that created the container or network (<c>host/pid/start</c>, see
    /// <see cref="Core.Storage.ProcessIdentity"/>); <see cref="StaleRunSweeper"/> removes a run's resources once it is gone.
    /// Absent on clusters kept on purpose (<see cref="KeepClusters"/>) and on those made by older harness versions.</summary>
    public const string OwnerKey = "harness.owner";

    private static readonly AsyncLocal<bool> Keeping = new();

    /// <summary>Within the returned scope (an async flow), clusters are created without <see cref="OwnerKey"/>, so the
    /// start-up sweep leaves them alone (<c>--keep-cluster</c>: only <c>harness clean</c> removes them).</summary>
    public static IDisposable KeepClusters()
    {
        var before = Keeping.Value;
        Keeping.Value = true;
        return new Restore(() => Keeping.Value = before);
    }

    /// <summary>The owner label's value for a cluster created now, or null inside <see cref="KeepClusters"/>.</summary>
    public static string? OwnerValue => Keeping.Value ? null : Core.Storage.ProcessIdentity.Current.ToString();

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>The label <c>harness.run=&lt;runId&gt;</c>.</summary>
    public static string Run(string runId) => $"{RunKey}={runId}";
}
