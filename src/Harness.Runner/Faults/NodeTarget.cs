using Harness.Core.Modules;

namespace Harness.Runner.Faults;

/// <summary>
/// Whom a node fault hits (Jepsen's node specs): <c>one</c> random node, the <c>primary</c> (resolved when the fault
/// starts; the first node on a database without one), a <c>minority</c>, a <c>majority</c>, or <c>all</c> nodes at
/// once. The schedule draws the kind and a node order with its seeded random source; <see cref="Resolve"/> turns the
/// value into nodes when the fault starts.
/// </summary>
public static class NodeTarget
{
    public const string One = "one";
    public const string Primary = "primary";
    public const string Minority = "minority";
    public const string Majority = "majority";
    public const string All = "all";

    public static IReadOnlyList<string> Kinds { get; } = [One, Primary, Minority, Majority, All];

    /// <summary>The option every node fault has: which target kinds its schedule draws from.</summary>
    public static OptionDef Option(string @default) =>
        OptionDef.Text("targets", "Comma-separated targets drawn at random: one | primary | minority | majority | all (all = a coordinated crash / stall of every node)", @default);

    /// <summary>The current primary one time in three, else a random node (the targets <c>one,primary</c> weighted as before).</summary>
    public static object Pick(IReadOnlyList<string> nodes, Random random) =>
        random.Next(3) == 0 ? Primary : nodes[random.Next(nodes.Count)];

    /// <summary>A start value for one of <paramref name="kinds"/>: a node name, <c>"primary"</c>, or <c>[kind, order...]</c>.</summary>
    public static object Pick(IReadOnlyList<string> nodes, Random random, IReadOnlyList<string> kinds)
    {
        var kind = kinds[random.Next(kinds.Count)];
        return kind switch
        {
            One => nodes[random.Next(nodes.Count)],
            Primary => Primary,
            _ => new object?[] { kind }.Concat(nodes.OrderBy(_ => random.Next())).ToArray(),
        };
    }

    /// <summary>The target kinds an option value names; throws on an unknown one.</summary>
    public static IReadOnlyList<string> ParseKinds(ModuleOptions options, string @default)
    {
        var text = options.TryGetValue("targets", out var v) ? v : @default;
        var kinds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = kinds.Where(k => !Kinds.Contains(k)).ToList();
        if (kinds.Count == 0 || unknown.Count > 0)
            throw new ArgumentException($"targets must name some of {string.Join(", ", Kinds)} (got '{text}')");
        return kinds;
    }

    /// <summary>The nodes a start value names; <paramref name="primary"/> is asked only for <c>"primary"</c>.</summary>
    public static async Task<IReadOnlyList<string>> ResolveAsync(object? value, IReadOnlyList<string> nodes, Func<CancellationToken, Task<string?>>? primary,
        CancellationToken cancellationToken)
    {
        if (value is string node && node != Primary) return [node];
        if (value is IReadOnlyList<object?> { Count: > 0 } spec && spec[0] is string kind && kind != Primary)
        {
            var order = spec.Skip(1).OfType<string>().ToList();
            if (order.Count == 0) order = [.. nodes];
            var count = kind switch
            {
                Minority => Math.Max(1, (nodes.Count - 1) / 2),
                Majority => nodes.Count / 2 + 1,
                All => nodes.Count,
                _ => throw new ArgumentException($"unknown node target '{kind}'"),
            };
            return order.Take(count).ToList();
        }
        if (primary is null) return [nodes[0]];
        return [await primary(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("no primary to aim at")];
    }
}
