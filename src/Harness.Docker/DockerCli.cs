using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// The harness's only door to Docker: it runs the <c>docker</c> command line, always with a deadline. A command
/// that outlives its timeout is killed and reported as a <see cref="TimeoutException"/>; cancellation kills it
/// too. <see cref="RunAsync"/> returns whatever happened; <see cref="RunCheckedAsync"/> insists on exit code 0.
/// </summary>
public sealed class DockerCli
{
    public static DockerCli Default { get; } = new();

    public string Executable { get; }

    public DockerCli(string executable = "docker") => Executable = executable;

    /// <summary>Runs <c>docker args...</c>; throws only on timeout, cancellation, or a missing executable.</summary>
    public Task<CommandResult> RunAsync(
        IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken, string? stdin = null) =>
        ProcessRunner.RunAsync(Executable, args, timeout, cancellationToken, stdin);

    /// <summary>Runs <c>docker args...</c> and returns its stdout, or throws <see cref="DockerException"/>.</summary>
    public async Task<string> RunCheckedAsync(
        IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken, string? stdin = null)
    {
        var result = await RunAsync(args, timeout, cancellationToken, stdin).ConfigureAwait(false);
        return result.Succeeded ? result.Stdout : throw Failure(args, result);
    }

    /// <summary>Like <see cref="RunCheckedAsync"/>, handing every output line to <paramref name="onLine"/> as it comes.</summary>
    public async Task<string> RunStreamingAsync(
        IReadOnlyList<string> args, TimeSpan timeout, Action<string> onLine, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Executable, args, timeout, cancellationToken, null, onLine)
            .ConfigureAwait(false);
        return result.Succeeded ? result.Stdout : throw Failure(args, result);
    }

    /// <summary>True if a local image with this name or id exists.</summary>
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) =>
        await ImageIdAsync(image, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The image's id (<c>sha256:...</c>), or null if there is no such local image.</summary>
    public async Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["image", "inspect", "--format", "{{.Id}}", image], TimeSpan.FromSeconds(30), cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? result.Stdout.Trim() : null;
    }

    private DockerException Failure(IReadOnlyList<string> args, CommandResult result) =>
        new(ProcessRunner.Describe(Executable, args), result.ExitCode, result.Stderr.Length > 0 ? result.Stderr : result.Stdout);
}
