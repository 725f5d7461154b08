using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// One colour per fault kind, the same in every plot and in the page's legend. Well-known faults keep fixed
/// colours across reports; others take the next unused palette colour in name order, so the choice is
/// deterministic. The colours avoid the green/red/amber used for ok/fail/info.
/// </summary>
internal sealed class FaultPalette
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["partition"] = "#4e79a7",
        ["kill"] = "#b07aa1",
        ["pause"] = "#9c755f",
        ["clock"] = "#76b7b2",
        ["promote"] = "#5d6d7e",
        ["failover"] = "#c0392b",
        ["partition-failover"] = "#e67e22",
        ["delay"] = "#8e7cc3",
        ["lag"] = "#d4a6c8",
    };

    private static readonly string[] Spare = ["#86bcb6", "#a0cbe8", "#d7b5a6", "#8cd17d", "#bab0ac", "#79706e", "#d37295", "#499894"];

    public IReadOnlyList<(string Fault, string Hex)> Entries { get; }

    public FaultPalette(IEnumerable<FaultWindow> windows)
    {
        var entries = new List<(string, string)>();
        var spare = 0;
        foreach (var fault in windows.Select(w => w.Fault).Distinct().Order(StringComparer.Ordinal))
            entries.Add((fault, Known.TryGetValue(fault, out var hex) ? hex : Spare[spare++ % Spare.Length]));
        Entries = entries;
    }

    public string HexOf(string fault) => Entries.FirstOrDefault(e => e.Fault == fault).Hex ?? "#999999";
}
