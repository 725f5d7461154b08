using System.Diagnostics;
using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// The Debian 12 image every harness image starts from. Where a registry is reachable that is simply the
/// configured image (<c>debian:bookworm-slim</c>); where none is (air-gapped CI, this machine), the same
/// distribution is built locally once with <c>debootstrap --variant=minbase</c> and imported as
/// <see cref="LocalTag"/>, so the rest of the build never needs a registry. Pull, look-ups and the import go through
/// the Engine API; only <c>debootstrap</c>, <c>tar</c> (whose output is streamed to the engine's import) and, when
/// debootstrap is missing, <c>apt-get</c> run as host processes: they have no API equivalent.
/// </summary>
public static class BaseImage
{
    public const string LocalTag = "harness-base:bookworm";
    public const string Mirror = "http://deb.debian.org/debian";

    private static readonly TimeSpan PullTimeout = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, string> Resolved = new(StringComparer.Ordinal);

    /// <summary>Returns an image name to build <c>FROM</c>: <paramref name="configured"/> if usable, else <see cref="LocalTag"/>.</summary>
    public static async Task<string> EnsureAsync(string configured, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A failed pull is remembered for the life of the process, so only the first cluster pays for it.
            if (Resolved.TryGetValue(configured, out var known) && await Exists(known, cancellationToken).ConfigureAwait(false))
                return known;
            var resolved = await ResolveAsync(configured, progress, cancellationToken).ConfigureAwait(false);
            Resolved[configured] = resolved;
            return resolved;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> Exists(string image, CancellationToken cancellationToken) =>
        await Images.IdAsync(image, cancellationToken).ConfigureAwait(false) is not null;

    private static async Task<string> ResolveAsync(string configured, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await Exists(configured, cancellationToken).ConfigureAwait(false)) return configured;
        if (configured != LocalTag && await TryPullAsync(configured, progress, cancellationToken).ConfigureAwait(false))
            return configured;
        if (await Exists(LocalTag, cancellationToken).ConfigureAwait(false)) return LocalTag;
        await BuildLocalAsync(progress, cancellationToken).ConfigureAwait(false);
        return LocalTag;
    }

    private static async Task<bool> TryPullAsync(string image, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"pulling {image} (up to {PullTimeout.TotalSeconds:0} s)");
        try
        {
            var failure = await Images.PullAsync(image, PullTimeout, cancellationToken).ConfigureAwait(false);
            if (failure is null) return true;
            progress?.Report($"cannot pull {image}: {failure.Trim()}");
        }
        catch (TimeoutException)
        {
            progress?.Report($"cannot pull {image}: no answer within {PullTimeout.TotalSeconds:0} s");
        }
        return false;
    }

    private static async Task BuildLocalAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await EnsureDebootstrapAsync(progress, cancellationToken).ConfigureAwait(false);
        var root = StaleBuildFolders.NewFolder();
        try
        {
            progress?.Report($"building {LocalTag} with debootstrap from {Mirror} (about 35 s)");
            await RunHostAsync("debootstrap", ["--variant=minbase", "bookworm", root, Mirror], TimeSpan.FromMinutes(10), progress, cancellationToken)
                .ConfigureAwait(false);
            await ImportAsync(root, progress, cancellationToken).ConfigureAwait(false);
            progress?.Report($"built {LocalTag} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await RunHostAsync("rm", ["-rf", root], TimeSpan.FromMinutes(2), null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Streams <c>tar -C root -c .</c> into the engine's image import (what <c>docker import - TAG</c> does).</summary>
    private static async Task ImportAsync(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("tar") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-C", root, "-c", "." }) info.ArgumentList.Add(a);
        using var tar = Process.Start(info) ?? throw new DockerException("cannot run tar");
        var stderr = tar.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await Images.ImportAsync(tar.StandardOutput.BaseStream, LocalTag, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!tar.HasExited) tar.Kill(entireProcessTree: true);
        }
        await tar.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (tar.ExitCode != 0) throw new DockerException($"tar -C {root} -c .", tar.ExitCode, await stderr.ConfigureAwait(false));
        progress?.Report($"imported {LocalTag}");
    }

    private static async Task EnsureDebootstrapAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var which = await ProcessRunner.RunAsync("sh", ["-c", "command -v debootstrap"], TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (which.Succeeded) return;
        progress?.Report("installing debootstrap with apt-get");
        string[] wait = ["-o", "DPkg::Lock::Timeout=600"];
        await RunHostAsync("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", .. wait, "update"], TimeSpan.FromMinutes(11), progress, cancellationToken).ConfigureAwait(false);
        await RunHostAsync("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", .. wait, "install", "-y", "--no-install-recommends", "debootstrap"], TimeSpan.FromMinutes(11), progress, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task RunHostAsync(
        string file, IReadOnlyList<string> args, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(file, args, timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new DockerException(ProcessRunner.Describe(file, args), result.ExitCode, result.Stderr + result.Stdout[^Math.Min(2000, result.Stdout.Length)..]);
        progress?.Report($"{file}: done");
    }
}
