using System.Diagnostics;
using System.Globalization;

namespace Harness.Core.Storage;

/// <summary>
/// Names one harness process so that another process can later tell whether it is still alive: host name, process
/// id and the process's start time (clock ticks since boot, from <c>/proc/&lt;pid&gt;/stat</c>), written as
/// <c>host/pid/start</c>. The start time guards against a recycled pid: a new process with the same number has a
/// different start time. A process on another host is never judged dead (we cannot see it).
/// </summary>
public sealed record ProcessIdentity(string Host, int Pid, long StartTicks)
{
    private static readonly Lazy<ProcessIdentity> CurrentIdentity = new(() =>
        new ProcessIdentity(Environment.MachineName, Environment.ProcessId, StartOf(Environment.ProcessId) ?? 0));

    /// <summary>This process.</summary>
    public static ProcessIdentity Current => CurrentIdentity.Value;

    /// <summary>The text form, <c>host/pid/start</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{Pid}/{StartTicks}");

    /// <summary>Reads the text form; null when it is not one.</summary>
    public static ProcessIdentity? Parse(string? text)
    {
        var parts = text?.Trim().Split('/') ?? [];
        return parts.Length == 3
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessIdentity(parts[0], pid, start)
            : null;
    }

    /// <summary>True unless this process is known to be gone: same host, and no process with this pid and start time.</summary>
    public bool IsAlive
    {
        get
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return true;
            if (Pid == Environment.ProcessId) return true;
            if (OperatingSystem.IsLinux()) return StartOf(Pid) is { } start && (StartTicks == 0 || start == StartTicks);
            try
            {
                using var p = Process.GetProcessById(Pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>Field 22 of <c>/proc/&lt;pid&gt;/stat</c> (start time in clock ticks), or null when there is no such live process.</summary>
    private static long? StartOf(int pid)
    {
        if (!OperatingSystem.IsLinux()) return null;
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var afterName = stat.LastIndexOf(')'); // the command name may hold spaces and parentheses
        var fields = stat[(afterName + 2)..].Split(' ');
        if (fields[0] is "Z" or "X") return null; // a killed process its parent has not reaped yet is gone all the same
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : null;
    }
}
