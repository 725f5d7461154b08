using System.Globalization;
using Harness.Core.Storage;

namespace Harness.Docker;

/// <summary>
/// The base image's debootstrap tree lives in a temporary folder (about 300 MB) named after the harness process that
/// builds it: <c>harness-base-&lt;pid&gt;-&lt;start ticks&gt;-&lt;guid&gt;</c>. A harness SIGKILLed mid-build never
/// reaches its clean-up, so the start-up sweep removes the folders whose owner (pid and start time on this host) is
/// gone; folders of live harnesses, and anything not named this way, are left alone.
/// </summary>
public static class StaleBuildFolders
{
    private const string Prefix = "harness-base-";

    /// <summary>A fresh folder path (not created) owned by this process.</summary>
    public static string NewFolder(string? parent = null)
    {
        var me = ProcessIdentity.Current;
        return Path.Combine(parent ?? Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"{Prefix}{me.Pid}-{me.StartTicks}-{Guid.NewGuid():N}"));
    }

    /// <summary>Removes the build folders under <paramref name="parent"/> (the temp folder by default) whose harness is gone; returns them.</summary>
    public static IReadOnlyList<string> Sweep(string? parent = null)
    {
        var removed = new List<string>();
        var root = parent ?? Path.GetTempPath();
        if (!Directory.Exists(root)) return removed;
        foreach (var dir in Directory.EnumerateDirectories(root, Prefix + "*"))
        {
            if (Owner(Path.GetFileName(dir)) is not { IsAlive: false }) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
                removed.Add(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a file a dead debootstrap left unreadable: the next sweep tries again
            }
        }
        return removed;
    }

    /// <summary>The owner named by a folder name, or null when the name is not one of ours.</summary>
    public static ProcessIdentity? Owner(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = name[Prefix.Length..].Split('-');
        return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcessIdentity(Environment.MachineName, pid, start)
            : null;
    }
}
