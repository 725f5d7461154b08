using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Runner.Faults;

namespace Harness.Runner.Nemeses;

/// <summary>
/// Clock faults on one node at a time (libfaketime inside the server, so only that node's clock moves):
/// <c>["bump", node, seconds]</c> moves it by an offset, <c>["strobe", node, seconds, period-ms]</c> flips it between
/// true time and an offset every period for <see cref="StrobeFor"/>, <c>["skew", node, rate]</c> makes it run fast or
/// slow. <c>stop-clock</c> resets every clock. Each op's result records what was done and every node's measured clock
/// offset (node clock minus true time, in seconds) as <c>{"clock": ..., "offsets": {node: seconds}}</c>.
/// </summary>
public sealed class ClockNemesis(IClockControllable cluster, IReadOnlyList<string> nodes, IHasPrimary? primary, TimeSpan strobeFor) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = ["clock"];

    /// <summary>How long a strobe keeps flipping the clock.</summary>
    public TimeSpan StrobeFor => strobeFor;

    public async Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        string did;
        if (f == "stop-clock")
        {
            await cluster.ResetClocksAsync(cancellationToken).ConfigureAwait(false);
            did = "clocks reset";
        }
        else if (f == "start-clock")
        {
            did = await StartAsync(value as IReadOnlyList<object?> ?? [], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new ArgumentException($"the clock nemesis does not handle {f}");
        }
        var offsets = await cluster.ClockOffsetsAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["clock"] = did,
            ["offsets"] = offsets.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => (object?)Math.Round(kv.Value, 4), StringComparer.Ordinal),
        };
    }

    private async Task<string> StartAsync(IReadOnlyList<object?> spec, CancellationToken ct)
    {
        var mode = spec.Count > 0 ? spec[0] as string : null;
        var target = spec.Count > 1 ? spec[1] : null;
        var aimed = await NodeTarget.ResolveAsync(target, nodes, primary is null ? null : primary.PrimaryAsync, ct).ConfigureAwait(false);
        var free = NodesHeld.Of(cluster).Retarget(aimed.Take(1).ToList(), nodes, "clock", out var notes);
        if (free.Count == 0) return "no node to move the clock of (" + string.Join("; ", notes) + ")";
        var node = free[0];
        var amount = spec.Count > 2 ? Convert.ToDouble(spec[2], CultureInfo.InvariantCulture) : 0;
        var c = CultureInfo.InvariantCulture;
        switch (mode)
        {
            case "bump":
                await cluster.BumpClockAsync(node, amount, ct).ConfigureAwait(false);
                return string.Create(c, $"bump {node} by {amount:+0.###;-0.###} s");
            case "strobe":
                var period = spec.Count > 3 ? Convert.ToInt32(spec[3], c) : 10;
                await cluster.StrobeClockAsync(node, amount, period, strobeFor.TotalSeconds, ct).ConfigureAwait(false);
                return string.Create(c, $"strobe {node} between +0 and {amount:+0.###;-0.###} s every {period} ms for {strobeFor.TotalSeconds:0.#} s");
            case "skew":
                await cluster.SkewClockAsync(node, amount, ct).ConfigureAwait(false);
                return string.Create(c, $"skew {node} to run at {amount:0.###}x");
            default:
                throw new ArgumentException($"unknown clock fault '{mode}' (bump, strobe or skew)");
        }
    }

    public Task HealAllAsync(CancellationToken cancellationToken) => cluster.ResetClocksAsync(cancellationToken);
}
