using System.Formats.Tar;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Harness.Docker.Internal;

/// <summary>
/// Container operations by name through the Engine API, each with a deadline. An engine refusal (paused, not
/// running, no such container) is not thrown but returned as a failed <see cref="CommandResult"/> whose exit code
/// is the HTTP status and whose stderr is the engine's message, the same text the <c>docker</c> CLI prints, so
/// <see cref="DockerErrors"/> recognises it as before.
/// </summary>
internal static class ContainerOps
{
    /// <summary>Runs a command inside a container and waits for it; exit code and output as <c>docker exec</c> gives them.</summary>
    public static Task<CommandResult> ExecAsync(string container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"exec {container} {string.Join(' ', command)}", timeout, async (docker, ct) =>
        {
            var created = await docker.Exec.CreateContainerExecAsync(container,
                new ContainerExecCreateParameters { Cmd = [.. command], AttachStdout = true, AttachStderr = true }, ct).ConfigureAwait(false);
            using var stream = await docker.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), ct).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
            var inspect = await docker.Exec.InspectContainerExecAsync(created.ID, ct).ConfigureAwait(false);
            return new CommandResult((int)(inspect.ExitCode ?? -1), stdout, stderr);
        }, cancellationToken);

    public static Task<CommandResult> KillAsync(string container, string signal, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"kill -s {signal} {container}", timeout, (d, ct) => d.Containers.KillContainerAsync(container, new ContainerKillParameters { Signal = signal }, ct), cancellationToken);

    public static Task<CommandResult> StartAsync(string container, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"start {container}", timeout, (d, ct) => d.Containers.StartContainerAsync(container, new ContainerStartParameters(), ct), cancellationToken);

    public static Task<CommandResult> PauseAsync(string container, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"pause {container}", timeout, (d, ct) => d.Containers.PauseContainerAsync(container, ct), cancellationToken);

    public static Task<CommandResult> UnpauseAsync(string container, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"unpause {container}", timeout, (d, ct) => d.Containers.UnpauseContainerAsync(container, ct), cancellationToken);

    public static Task<CommandResult> StopAsync(string container, int graceSeconds, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"stop -t {graceSeconds} {container}", timeout + TimeSpan.FromSeconds(graceSeconds), (d, ct) =>
            d.Containers.StopContainerAsync(container, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)graceSeconds }, ct), cancellationToken);

    public static Task<CommandResult> RemoveAsync(string container, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"rm -f -v {container}", timeout, (d, ct) =>
            d.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, ct), cancellationToken);

    /// <summary>Whether the container runs and whether it is paused, or null if there is no such container.</summary>
    public static async Task<(bool Running, bool Paused)?> StateAsync(string container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var inspect = await DockerEngine.CallAsync($"inspect {container}", timeout, (d, ct) => d.Containers.InspectContainerAsync(container, ct), cancellationToken)
                .ConfigureAwait(false);
            return inspect.State is { } state ? (state.Running, state.Paused) : (false, false);
        }
        catch (DockerApiException e) when (DockerEngine.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary>Stdout and stderr of the container (<c>docker logs</c>), optionally only the last <paramref name="tail"/> lines, with timestamps if asked.</summary>
    public static Task<CommandResult> LogsAsync(string container, int? tail, bool timestamps, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryAsync($"logs {container}", timeout, async (docker, ct) =>
        {
            var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Timestamps = timestamps, Tail = tail?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all" };
            using var stream = await docker.Containers.GetContainerLogsAsync(container, parameters, ct).ConfigureAwait(false);
            var (stdout, stderr) = await stream.ReadOutputToEndAsync(ct).ConfigureAwait(false);
            return new CommandResult(0, stdout, stderr);
        }, cancellationToken);

    /// <summary>Writes a text file into a container, running or stopped (<c>docker cp</c>): a one-file tar archive, owned by root, mode 0644.</summary>
    public static async Task CopyTextAsync(string container, string path, string content, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)?.Replace('\\', '/') is { Length: > 0 } d ? d : "/";
        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, Path.GetFileName(path))
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.UtcNow,
            };
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        archive.Position = 0;
        var result = await TryAsync($"cp - {container}:{path}", timeout, (d, ct) =>
            d.Containers.ExtractArchiveToContainerAsync(container, new CopyToContainerParameters { Path = directory }, archive, ct), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw new DockerException($"docker cp - {container}:{path}", result.ExitCode, result.Stderr);
    }

    private static Task<CommandResult> TryAsync(string what, TimeSpan timeout, Func<DockerClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        TryAsync(what, timeout, async (d, ct) =>
        {
            await call(d, ct).ConfigureAwait(false);
            return new CommandResult(0, "", "");
        }, cancellationToken);

    private static async Task<CommandResult> TryAsync(
        string what, TimeSpan timeout, Func<DockerClient, CancellationToken, Task<CommandResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await DockerEngine.CallAsync(what, timeout, call, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            return new CommandResult(DockerEngine.Code(e), "", DockerEngine.Message(e));
        }
    }
}
