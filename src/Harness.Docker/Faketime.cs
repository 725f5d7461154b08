using System.Globalization;

namespace Harness.Docker;

/// <summary>
/// Per-node clocks with libfaketime (all containers share the host kernel's clock, so there is no other way to skew
/// one node): the database server is started with <see cref="Environment"/> (after any privilege drop, or libfaketime
/// creates its semaphore as root and an unprivileged server cannot use it), and reads its offset from
/// <see cref="OffsetFile"/> on every clock call, so writing the file moves the clock of the running server. The
/// monotonic clock stays true, as with Jepsen's <c>settimeofday</c> bumps. The scripts here are pure text, unit-tested
/// without Docker; <see cref="ClockControl"/> runs them.
/// </summary>
public static class Faketime
{
    public const string Library = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
    public const string Directory = "/run/harness-clock";
    public const string OffsetFile = Directory + "/offset";
    /// <summary>While this file exists a strobe or skew loop keeps running; removing it ends the loop (exit status 0).</summary>
    public const string LoopFlag = Directory + "/loop";

    /// <summary>The environment that makes a process follow <see cref="OffsetFile"/>.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LD_PRELOAD"] = Library,
        ["FAKETIME_TIMESTAMP_FILE"] = OffsetFile,
        ["FAKETIME_NO_CACHE"] = "1",
        ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
    };

    /// <summary>The same environment as <c>env</c> arguments (<c>LD_PRELOAD=... FAKETIME_...=...</c>).</summary>
    public static string EnvArguments => string.Join(' ', Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Offset(double seconds) => seconds.ToString("+0.######;-0.######;+0", CultureInfo.InvariantCulture);

    /// <summary>Atomically writes an offset (a rename, so the server never reads half a file); no quotes, so it nests in a loop.</summary>
    private static string Write(string text) => $"echo {text} > {OffsetFile}.tmp && mv -f {OffsetFile}.tmp {OffsetFile}";

    /// <summary>Ends any strobe or skew loop and waits until it has stopped writing.</summary>
    private static string StopLoop => $"mkdir -p {Directory}; if [ -e {LoopFlag} ]; then rm -f {LoopFlag}; sleep 0.3; fi";

    /// <summary>Starts <paramref name="loop"/> in the background while the loop flag exists; the loop exits 0, so a
    /// server that is PID 1 and reaps it (the postmaster) never sees a child die of a signal.</summary>
    private static string Background(string loop) => $"{StopLoop}; touch {LoopFlag}; nohup sh -c '{loop}; exit 0' >/dev/null 2>&1 &";

    /// <summary>Sets a fixed offset of <paramref name="seconds"/>.</summary>
    public static string BumpScript(double seconds) => $"{StopLoop}; {Write(Offset(seconds))}";

    /// <summary>Flips between +0 and <paramref name="seconds"/> every <paramref name="periodMs"/> for <paramref name="durationSeconds"/>, then +0.</summary>
    public static string StrobeScript(double seconds, int periodMs, double durationSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        var sleep = (periodMs / 1000.0).ToString("0.###", c);
        var end = Math.Max(1, (int)Math.Ceiling(durationSeconds)).ToString(c);
        return Background($"end=$(( $(date +%s) + {end} )); while [ -e {LoopFlag} ] && [ $(date +%s) -lt $end ]; do " +
                          $"{Write(Offset(seconds))}; sleep {sleep}; {Write("+0")}; sleep {sleep}; done; {Write("+0")}");
    }

    /// <summary>Makes the clock run at <paramref name="rate"/> times true speed from now on: a loop rewrites the offset
    /// (elapsed × (rate − 1), integer microseconds) every 100 ms until the loop flag is removed.</summary>
    public static string SkewScript(double rate)
    {
        if (rate <= 0) throw new ArgumentOutOfRangeException(nameof(rate), "a clock rate must be positive");
        var ppm = ((long)Math.Round((rate - 1) * 1_000_000)).ToString(CultureInfo.InvariantCulture);
        return Background($"t0=$(date +%s%N); while [ -e {LoopFlag} ]; do e=$(( ($(date +%s%N) - t0) / 1000 )); o=$(( e * {ppm} / 1000000 )); " +
                          "s=+; if [ $o -lt 0 ]; then s=-; o=$(( 0 - o )); fi; " +
                          $"printf \"%s%d.%06d\\n\" $s $(( o / 1000000 )) $(( o % 1000000 )) > {OffsetFile}.tmp && mv -f {OffsetFile}.tmp {OffsetFile}; sleep 0.1; done");
    }

    /// <summary>Back to true time.</summary>
    public static string ResetScript => $"{StopLoop}; {Write("+0")}";

    /// <summary>Prints the true time and the node's faked time (seconds since the epoch), one per line.</summary>
    public static string MeasureScript => $"date +%s.%N; env {EnvArguments} date +%s.%N";

    /// <summary>Faked minus true seconds from <see cref="MeasureScript"/>'s output; null if it is not two numbers.</summary>
    public static double? ParseOffset(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) return null;
        var ok = double.TryParse(lines[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                 & double.TryParse(lines[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var fake);
        return ok ? fake - real : null;
    }
}
