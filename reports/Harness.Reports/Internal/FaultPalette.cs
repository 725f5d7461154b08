using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>
/// One colour per fault kind, the same in every plot and in the page's legend. Each fault module names its
/// colour in the registry (passed in by the caller); faults without one take the next unused palette colour in name order, so the choice is
/// deterministic. The colours avoid the green/red/amber used for ok/fail/info.
/// </summary>
internal sealed class FaultPalette
{
    private static readonly string[] Spare = ["#86bcb6", "#a0cbe8", "#d7b5a6", "#8cd17d", "#bab0ac", "#79706e", "#d37295", "#499894"];

    public IReadOnlyList<(string Fault, string Hex)> Entries { get; }

    public FaultPalette(IEnumerable<FaultWindow> windows, IReadOnlyDictionary<string, string>? known = null)
    {
        var entries = new List<(string, string)>();
        var spare = 0;
        foreach (var fault in windows.Select(w => w.Fault).Distinct().Order(StringComparer.Ordinal))
            entries.Add((fault, known is not null && known.TryGetValue(fault, out var hex) ? hex : Spare[spare++ % Spare.Length]));
        Entries = entries;
    }

    public string HexOf(string fault) => Entries.FirstOrDefault(e => e.Fault == fault).Hex ?? "#999999";
}
