namespace Harness.Core.Databases;

/// <summary>
/// A <see cref="IKillable"/> cluster that can SIGKILL several nodes in one request, so a coordinated crash lands on
/// every node within a few milliseconds rather than one process launch apart. Used by the kill fault when it hits more
/// than one node; optional (without it the nodes are killed in parallel, one call each).
/// </summary>
public interface IKillableTogether : IKillable
{
    Task KillTogetherAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken);
}
