using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Runner.Faults;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Disk full: <c>start-disk-full</c> fills the data file system of the target node (one node or the primary) with a
/// filler file, so the server's next write that needs space fails; <c>stop-disk-full</c> deletes every filler.
/// </summary>
public sealed class DiskNemesis(IDiskFillable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["disk-full"];

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        if (f == "stop-disk-full")
        {
            await cluster.FreeDiskAsync(cancellationToken).ConfigureAwait(false);
            return "filler files deleted";
        }
        if (f != "start-disk-full") throw new ArgumentException($"the disk nemesis does not handle {f}");
        var aimed = await NodeTarget.ResolveAsync(value, nodes, primary is null ? null : primary.PrimaryAsync, cancellationToken).ConfigureAwait(false);
        var targets = NodesHeld.Of(cluster).Retarget(aimed, nodes, "disk-full", out var notes);
        var done = notes.ToList();
        foreach (var node in targets) done.Add(await cluster.FillDiskAsync(node, cancellationToken).ConfigureAwait(false));
        return string.Join("; ", done);
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.FreeDiskAsync(cancellationToken);
}
