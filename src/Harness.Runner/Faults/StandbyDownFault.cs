using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Runner.Faults;

/// <summary>
/// <c>standby-down</c>: takes one standby (never the primary) out, by SIGKILL (<c>how=kill</c>, started again at the
/// end) or by cutting it off from every other node with iptables (<c>how=partition</c>, healed at the end). The
/// article's point: a fully synchronous leader (every standby must confirm) cannot commit while any standby is
/// down, so its writes stall for the whole outage; with a quorum (semi-sync, any one standby) they go on. Which
/// standby is drawn by the seeded schedule (its index among the standbys when the fault starts).
/// </summary>
public sealed class StandbyDownFault : IFaultModule
{
    public string Name => "standby-down";
    public string Summary => "kill (how=kill) or isolate (how=partition) one standby, never the primary; restart or heal it at the end";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Kill, Capability.Partition, Capability.Primary };
    public IReadOnlyList<OptionDef> Options { get; } = [OptionDef.Choice("how", "How the standby goes down: kill | partition", "kill", "kill", "partition")];
    public string Colour => "#5b8c85";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => (long)random.Next(Math.Max(1, nodes.Count - 1));

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new StandbyDownNemesis(cluster, options.TryGetValue("how", out var how) ? how : "kill");

    /// <summary>The picked standby: the value's index among the nodes other than the current primary.</summary>
    public static string Pick(IReadOnlyList<string> nodes, string primary, object? value)
    {
        var standbys = nodes.Where(n => n != primary).ToList();
        if (standbys.Count == 0) throw new InvalidOperationException("no standby to take down: the cluster has only a primary");
        var index = value is IConvertible c ? Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return standbys[Math.Abs(index) % standbys.Count];
    }

    private sealed class StandbyDownNemesis(IDatabase cluster, string how) : INemesis
    {
        private readonly List<string> _down = [];

        public IReadOnlyList<string> Faults { get; } = ["standby-down"];

        public async Task<object?> InvokeAsync(string f, object? value, CancellationToken ct)
        {
            if (f == "stop-standby-down") return await HealAsync(ct).ConfigureAwait(false);
            if (f != "start-standby-down") throw new ArgumentException($"the standby-down nemesis does not handle {f}");
            var primary = await PrimaryAsync(ct).ConfigureAwait(false);
            var node = Pick(cluster.Nodes, primary, value);
            FaultPhaseLog.Current?.Affects(node);
            lock (_down) _down.Add(node);
            if (how == "partition") await ((IPartitionable)cluster).ApplyGrudgeAsync(Grudge.Isolate(cluster.Nodes, node), ct).ConfigureAwait(false);
            else await ((IKillable)cluster).KillAsync(node, ct).ConfigureAwait(false);
            return $"{(how == "partition" ? "isolated" : "killed")} standby {node} (primary {primary})";
        }

        /// <summary>The primary, asked up to ten times: on a loaded machine a node may miss one short deadline.</summary>
        private async Task<string> PrimaryAsync(CancellationToken ct)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                if (await ((IHasPrimary)cluster).PrimaryAsync(ct).ConfigureAwait(false) is { } primary) return primary;
                await Task.Delay(500, ct).ConfigureAwait(false);
            }
            throw new InvalidOperationException("no primary answers: cannot tell the standbys apart");
        }

        private async Task<string> HealAsync(CancellationToken ct)
        {
            List<string> nodes;
            lock (_down)
            {
                nodes = [.. _down];
                _down.Clear();
            }
            if (nodes.Count == 0) return "nothing to restore";
            if (how == "partition") await ((IPartitionable)cluster).HealNetworkAsync(ct).ConfigureAwait(false);
            else foreach (var n in nodes) await ((IKillable)cluster).StartAsync(n, ct).ConfigureAwait(false);
            return $"standby {string.Join(", ", nodes)} back ({how})";
        }

        public Task HealAllAsync(CancellationToken ct) => HealAsync(ct);
    }
}
