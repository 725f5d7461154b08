namespace Harness.Docker;

/// <summary>
/// Moves the clocks of the nodes of a <see cref="ContainerCluster"/> whose servers run under libfaketime
/// (<see cref="Faketime"/>): a database module's cluster delegates <c>IClockControllable</c> here.
/// </summary>
public sealed class ClockControl(ContainerCluster cluster)
{
    public Task BumpAsync(string node, double offsetSeconds, CancellationToken cancellationToken) =>
        NodeExec.RunAsync(cluster, node, Faketime.BumpScript(offsetSeconds), "bumping the clock", cancellationToken);

    public Task StrobeAsync(string node, double deltaSeconds, int periodMs, double durationSeconds, CancellationToken cancellationToken) =>
        NodeExec.RunAsync(cluster, node, Faketime.StrobeScript(deltaSeconds, periodMs, durationSeconds), "strobing the clock", cancellationToken);

    public Task SkewAsync(string node, double rate, CancellationToken cancellationToken) =>
        NodeExec.RunAsync(cluster, node, Faketime.SkewScript(rate), "skewing the clock", cancellationToken);

    public Task ResetAllAsync(CancellationToken cancellationToken) =>
        NodeExec.RunEverywhereAsync(cluster, Faketime.ResetScript, "resetting clocks", cancellationToken);

    /// <summary>Each running node's faked minus true time in seconds, measured inside the node.</summary>
    public async Task<IReadOnlyDictionary<string, double>> OffsetsAsync(CancellationToken cancellationToken)
    {
        var measured = await Task.WhenAll(cluster.Nodes.Select(async n =>
        {
            var result = await cluster.ExecAsync(n, ["sh", "-c", Faketime.MeasureScript], NodeExec.Timeout, cancellationToken).ConfigureAwait(false);
            return (Node: n, Offset: result.Succeeded ? Faketime.ParseOffset(result.Stdout) : null);
        })).ConfigureAwait(false);
        return measured.Where(m => m.Offset is not null).ToDictionary(m => m.Node, m => m.Offset!.Value, StringComparer.Ordinal);
    }
}
