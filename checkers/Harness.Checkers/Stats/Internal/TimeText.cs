using System.Globalization;

namespace Harness.Checkers.Stats.Internal;

/// <summary>Times and durations (nanoseconds) as the sentences of anomaly explanations show them, in invariant culture.</summary>
internal static class TimeText
{
    /// <summary>A point in the run: "12.345 s".</summary>
    public static string Seconds(long ns) => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s";

    /// <summary>A duration: "211 ms" (one decimal below 10 ms).</summary>
    public static string Millis(long ns)
    {
        var ms = ns / 1e6;
        return ms.ToString(Math.Abs(ms) < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
    }

    /// <summary>Nanoseconds as fractional milliseconds, for stats.</summary>
    public static double ToMillis(long ns) => Math.Round(ns / 1e6, 3);
}
