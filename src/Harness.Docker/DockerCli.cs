using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// Compatibility door for code written when the harness drove the <c>docker</c> command line. The few command lines
/// the harness and its tests still pass here are answered through the Docker Engine API (<see cref="EngineCommands"/>):
/// <c>version</c>, <c>logs [--tail N] [--timestamps]</c>, <c>ps -aq --filter label=...</c>,
/// <c>network ls -q --filter label=...</c> and <c>image inspect --format {{.Id}}</c>. Anything else still runs the
/// executable, with a deadline (a command that outlives its timeout is killed and reported as a
/// <see cref="TimeoutException"/>). New code should use <see cref="ContainerCluster"/>, <see cref="DockerCleaner"/>
/// and <see cref="DockerEngineInfo"/> instead.
/// </summary>
public sealed class DockerCli
{
    public static DockerCli Default { get; } = new();

    public string Executable { get; }

    public DockerCli(string executable = "docker") => Executable = executable;

    /// <summary>Runs <c>docker args...</c>; throws only on timeout, cancellation, or a missing executable.</summary>
    public async Task<CommandResult> RunAsync(
        IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken, string? stdin = null)
    {
        if (stdin is null && EngineCommands.TryAnswer(args, timeout, cancellationToken) is { } answer) return await answer.ConfigureAwait(false);
        return await ProcessRunner.RunAsync(Executable, args, timeout, cancellationToken, stdin).ConfigureAwait(false);
    }

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
    public Task<string?> ImageIdAsync(string image, CancellationToken cancellationToken) => Images.IdAsync(image, cancellationToken);

    private DockerException Failure(IReadOnlyList<string> args, CommandResult result) =>
        new(ProcessRunner.Describe(Executable, args), result.ExitCode, result.Stderr.Length > 0 ? result.Stderr : result.Stdout);
}
