using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>packet</c>: netem-like faults on the packets a node receives from every peer (scope <c>node</c>) or on
/// one direction of one link (scope <c>link</c>): delay with jitter and a distribution, loss, duplication,
/// reordering, corruption and a rate limit, all at once as the options say; cleared at the end, independently of
/// partitions and delays.</summary>
public sealed class PacketFaultModule : IFaultModule
{
    private const string DefaultScopes = "node,link";

    public string Name => "packet";
    public string Summary => "packet faults on a node's or a link's incoming packets: delay+jitter (uniform|normal), loss, duplication, reordering, corruption, rate limit";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Packet };
    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Text("scope", "Comma-separated scopes drawn at random: node (from every peer) | link (one direction of one link)", DefaultScopes),
        OptionDef.Number("delay-ms", "Delay of each packet in milliseconds", 0, 0, 60_000),
        OptionDef.Number("jitter-ms", "Jitter around the delay in milliseconds (uniform: ± this; normal: the standard deviation)", 0, 0, 60_000),
        OptionDef.Choice("distribution", "Jitter distribution", "uniform", [.. PacketFault.Distributions]),
        OptionDef.Number("loss", "Percent of packets dropped", 10, 0, 100),
        OptionDef.Number("duplicate", "Percent of packets delivered twice", 0, 0, 100),
        OptionDef.Number("reorder", "Percent of packets let through at once, ahead of the delayed ones (needs a delay)", 0, 0, 100),
        OptionDef.Number("corrupt", "Percent of packets with a payload byte flipped (their checksum fails)", 0, 0, 100),
        OptionDef.Number("rate-kbit", "Rate limit in kbit/s, a token bucket (0: none)", 0, 0, 10_000_000),
    ];
    public string Colour => "#59a14f";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random)
    {
        var scopes = Scopes(options);
        var scope = scopes[random.Next(scopes.Count)];
        var to = NodeTarget.Pick(nodes, random);
        if (scope == "node" || nodes.Count < 2) return new object?[] { "node", to };
        var from = nodes[random.Next(nodes.Count)];
        return new object?[] { "link", from, to };
    }

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = Scopes(options);
        var fault = FaultOf(options);
        if (fault.Problem() is { } problem) throw new ArgumentException("packet fault: " + problem);
        return new PacketNemesis((IPacketFaultable)cluster, cluster.Nodes, cluster as IHasPrimary, fault);
    }

    /// <summary>The packet fault the (resolved) options describe.</summary>
    public static PacketFault FaultOf(ModuleOptions options) => new()
    {
        DelayMs = options.Number("delay-ms"),
        JitterMs = options.Number("jitter-ms"),
        Distribution = options.Text("distribution"),
        LossPercent = options.Number("loss"),
        DuplicatePercent = options.Number("duplicate"),
        ReorderPercent = options.Number("reorder"),
        CorruptPercent = options.Number("corrupt"),
        RateKbit = options.Number("rate-kbit"),
    };

    private static List<string> Scopes(ModuleOptions options)
    {
        var text = options.TryGetValue("scope", out var v) ? v : DefaultScopes;
        var scopes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (scopes.Count == 0 || scopes.Any(s => s is not ("node" or "link")))
            throw new ArgumentException($"packet scope must be node, link or both (got '{text}')");
        return scopes;
    }
}
