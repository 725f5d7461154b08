using System.Globalization;

namespace Harness.Core.Faults;

/// <summary>
/// What happens to the packets of a link (netem's knobs, carried out by our NFQUEUE program): each packet is held
/// <see cref="DelayMs"/> ± <see cref="JitterMs"/> (drawn from <see cref="Distribution"/>: uniform or normal), lost
/// with <see cref="LossPercent"/>, delivered twice with <see cref="DuplicatePercent"/>, let through at once (ahead of
/// the held ones, so out of order) with <see cref="ReorderPercent"/>, has a payload byte flipped (so its checksum
/// fails) with <see cref="CorruptPercent"/>, and leaves a token bucket of <see cref="RateKbit"/> kbit/s (0: no limit).
/// </summary>
public sealed record PacketFault
{
    public double DelayMs { get; init; }
    public double JitterMs { get; init; }
    public string Distribution { get; init; } = "uniform";
    public double LossPercent { get; init; }
    public double DuplicatePercent { get; init; }
    public double ReorderPercent { get; init; }
    public double CorruptPercent { get; init; }
    public double RateKbit { get; init; }

    /// <summary>The distributions the delayer draws jitter from.</summary>
    public static IReadOnlyList<string> Distributions { get; } = ["uniform", "normal"];

    /// <summary>Null if the fault is sound, else what is wrong with it.</summary>
    public string? Problem()
    {
        double[] percents = [LossPercent, DuplicatePercent, ReorderPercent, CorruptPercent];
        if (percents.Any(p => p is < 0 or > 100)) return "packet fault percentages must be between 0 and 100";
        if (DelayMs < 0 || JitterMs < 0 || RateKbit < 0) return "delay, jitter and rate must not be negative";
        if (!Distributions.Contains(Distribution)) return $"distribution must be one of {string.Join(", ", Distributions)}";
        if (ReorderPercent > 0 && DelayMs <= 0) return "reordering needs a delay (the reordered packets overtake the delayed ones)";
        return null;
    }

    /// <summary>A short description for the nemesis op, e.g. <c>delay 50±10 ms normal, loss 5%</c>.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (DelayMs > 0) parts.Add(string.Create(c, $"delay {DelayMs:0.#}±{JitterMs:0.#} ms {Distribution}"));
        if (LossPercent > 0) parts.Add(string.Create(c, $"loss {LossPercent:0.##}%"));
        if (DuplicatePercent > 0) parts.Add(string.Create(c, $"duplicate {DuplicatePercent:0.##}%"));
        if (ReorderPercent > 0) parts.Add(string.Create(c, $"reorder {ReorderPercent:0.##}%"));
        if (CorruptPercent > 0) parts.Add(string.Create(c, $"corrupt {CorruptPercent:0.##}%"));
        if (RateKbit > 0) parts.Add(string.Create(c, $"rate {RateKbit:0.#} kbit/s"));
        return parts.Count == 0 ? "no packet fault" : string.Join(", ", parts);
    }
}
