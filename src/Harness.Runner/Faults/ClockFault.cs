using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Runner.Nemeses;

namespace Harness.Runner.Faults;

/// <summary><c>clock</c>: move one node's clock while the database runs (libfaketime): bump it by ± <c>bump-ms</c>,
/// strobe it by <c>strobe-ms</c> every <c>strobe-period-ms</c>, or skew its rate by <c>skew-rate</c> (faster or
/// slower); reset every clock at the end. Only for databases whose server honours libfaketime.</summary>
public sealed class ClockFault : IFaultModule
{
    private const string DefaultModes = "bump,strobe,skew";
    private static readonly string[] KnownModes = ["bump", "strobe", "skew"];

    public string Name => "clock";
    public string Summary => "clock faults on one node (bump, strobe, skew rate) via libfaketime, reset at the end; records every node's clock offset";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Clock };
    public IReadOnlyList<OptionDef> Options { get; } =
    [
        OptionDef.Text("modes", "Comma-separated clock faults drawn at random: bump | strobe | skew", DefaultModes),
        OptionDef.Integer("bump-ms", "Size of a bump in milliseconds (the sign is drawn at random)", 60_000, 1, 10L * 365 * 86_400_000),
        OptionDef.Integer("strobe-ms", "How far a strobe flips the clock ahead, in milliseconds", 200, 1, 86_400_000),
        OptionDef.Integer("strobe-period-ms", "Milliseconds between flips of a strobe", 10, 1, 10_000),
        OptionDef.Number("skew-rate", "Clock speed factor of a skew (the clock runs this much faster, or slower by its inverse)", 1.5, 1, 100),
    ];
    public string Colour => "#edc948";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random)
    {
        var modes = Modes(options);
        var mode = modes[random.Next(modes.Count)];
        var node = NodeTarget.Pick(nodes, random);
        var sign = random.Next(2) == 0 ? 1.0 : -1.0;
        return mode switch
        {
            "bump" => new object?[] { mode, node, sign * Get(options, "bump-ms", 60_000) / 1000.0 },
            "strobe" => new object?[] { mode, node, Get(options, "strobe-ms", 200) / 1000.0, (long)Get(options, "strobe-period-ms", 10) },
            _ => new object?[] { mode, node, sign > 0 ? Get(options, "skew-rate", 1.5) : 1 / Get(options, "skew-rate", 1.5) },
        };
    }

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options)
    {
        _ = Modes(options);
        return new ClockNemesis((IClockControllable)cluster, cluster.Nodes, cluster as IHasPrimary, TimeSpan.FromSeconds(test.FaultDurationSeconds));
    }

    private static double Get(ModuleOptions options, string name, double @default) =>
        options.ContainsKey(name) ? options.Number(name) : @default;

    private static List<string> Modes(ModuleOptions options)
    {
        var text = options.TryGetValue("modes", out var v) ? v : DefaultModes;
        var modes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (modes.Count == 0 || modes.Any(m => !KnownModes.Contains(m)))
            throw new ArgumentException($"clock modes must be some of {string.Join(", ", KnownModes)} (got '{text}')");
        return modes;
    }
}
