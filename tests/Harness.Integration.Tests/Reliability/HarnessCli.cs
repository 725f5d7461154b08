using System.Collections.Concurrent;
using System.Diagnostics;
using NUnit.Framework;

namespace Harness.Integration.Tests.Reliability;

/// <summary>The harness CLI as a separate process (as the solution build left it), with its output lines kept so a
/// test can wait for a phase and then SIGKILL it.</summary>
internal sealed class HarnessCli : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    public static string Dll { get; } = FindCli();

    private HarnessCli(Process process) => _process = process;

    public static HarnessCli Start(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var cli = new HarnessCli(Process.Start(psi)!);
        cli._process.OutputDataReceived += (_, e) => cli.Keep("harness> ", e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Keep("harness! ", e.Data);
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    private void Keep(string prefix, string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        TestContext.Progress.WriteLine(prefix + line);
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until a line contains <paramref name="text"/> (true), or the process ends or time runs out (false).</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return true;
            if (_process.HasExited) return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>SIGKILL: no clean-up, no finally blocks, no flush beyond what was written.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        await Task.Delay(200); // let the output readers drain
        return _process.ExitCode;
    }

    public static async Task<int> RunToEndAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var cli = Start(env, args);
        return await cli.WaitForExitAsync(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static string FindCli()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "src", "Harness.Cli", "bin", "Release", "net10.0", "harness.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the CLI first (dotnet build -c Release): no " + path);
    }
}
