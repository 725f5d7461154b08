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

    /// <summary>The label <c>harness.run=&lt;runId&gt;</c>.</summary>
    public static string Run(string runId) => $"{RunKey}={runId}";
}
