namespace Harness.Docker.Internal;

/// <summary>Recognises Docker's error messages for containers that cannot take an exec or a state change.</summary>
internal static class DockerErrors
{
    public static bool IsPaused(string stderr) => stderr.Contains("is paused", StringComparison.OrdinalIgnoreCase);

    public static bool IsNotRunning(string stderr) =>
        stderr.Contains("is not running", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("is restarting", StringComparison.OrdinalIgnoreCase);

    public static bool IsNotPaused(string stderr) => stderr.Contains("is not paused", StringComparison.OrdinalIgnoreCase);

    public static bool IsAlreadyPaused(string stderr) => stderr.Contains("is already paused", StringComparison.OrdinalIgnoreCase);

    public static bool IsMissing(string stderr) => stderr.Contains("No such", StringComparison.OrdinalIgnoreCase);

    public static bool IsPortTaken(string stderr) =>
        stderr.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    public static bool IsSubnetTaken(string stderr) =>
        stderr.Contains("overlaps", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("already exists", StringComparison.OrdinalIgnoreCase);
}
