using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Harness.Core.Tests.Check;

/// <summary>Runs <c>harness check</c> as a process, either front end: the CLI (<c>dotnet harness.dll</c>, built with
/// this test project) or harness-check (the Native AOT executable, published by the test). Output is compared with
/// the timings taken out (every key ending in <c>_ms</c> or <c>-ms</c>), since those differ from run to run.</summary>
internal static class CheckProcess
{
    public static string RepoRoot { get; } = FindRoot();

    public static string CliDll => Path.Combine(RepoRoot, "src", "Harness.Cli", "bin", "Release", "net10.0", "harness.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }

    public sealed record Outcome(int Code, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(string fileName, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(fileName, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        psi.Environment.Remove("HARNESS_CHECK_DELEGATE");
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        using var cts = new CancellationTokenSource(timeout);
        var stdout = p.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"timed out after {timeout}: {fileName} {string.Join(" ", args)}");
        }
        return new Outcome(p.ExitCode, await stdout, await stderr);
    }

    public static Task<Outcome> CliAsync(params string[] args) => RunAsync("dotnet", [CliDll, .. args], TimeSpan.FromMinutes(3));

    /// <summary>The JSON verdict without its timings, as compact text (keys in the order written).</summary>
    public static string WithoutTimes(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new FormatException("empty JSON: " + json);
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(kv => kv.Key).Where(k => k.EndsWith("_ms", StringComparison.Ordinal) || k.EndsWith("-ms", StringComparison.Ordinal)).ToList()) o.Remove(key);
            foreach (var (_, v) in o) if (v is not null) Strip(v);
        }
        else if (node is JsonArray a)
        {
            foreach (var v in a) if (v is not null) Strip(v);
        }
    }
}
