using System.Diagnostics;
using System.Text;

namespace Harness.Docker.Internal;

/// <summary>
/// Runs one external process with a hard deadline. On timeout or cancellation the whole process tree is
/// killed, so a hung <c>docker exec</c> can never hang the harness.
/// </summary>
internal static class ProcessRunner
{
    public static async Task<CommandResult> RunAsync(
        string file, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken,
        string? stdin = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DockerException($"cannot run `{file}`: {e.Message}", e);
        }
        var stdout = ReadAsync(process.StandardOutput, onLine);
        var stderr = ReadAsync(process.StandardError, onLine);
        await FeedAsync(process, stdin).ConfigureAwait(false);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{Describe(file, args)}` did not finish within {timeout.TotalSeconds:0.#} s and was killed");
        }
        return new CommandResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    public static string Describe(string file, IReadOnlyList<string> args) =>
        string.Join(' ', new[] { file }.Concat(args.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"'{a}'" : a)));

    private static async Task FeedAsync(Process process, string? stdin)
    {
        try
        {
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited before reading its input; its exit code tells the story.
        }
    }

    private static async Task<string> ReadAsync(StreamReader reader, Action<string>? onLine)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            text.Append(line).Append('\n');
            onLine?.Invoke(line);
        }
        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
