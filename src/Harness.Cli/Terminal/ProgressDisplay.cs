using Spectre.Console;

namespace Harness.Cli.Terminal;

/// <summary>
/// A live status line for long work (image builds, runs, checks). On a terminal it is a Spectre spinner with the
/// latest message; elsewhere (CI logs) each new phase is printed once as a plain line.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly bool _interactive = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
    private string? _lastPlainPhase;
    private DateTime _lastPlainLine = DateTime.MinValue;

    public async Task<T> RunAsync<T>(string title, Func<IProgress<string>, Task<T>> work)
    {
        if (!_interactive)
        {
            Console.Out.WriteLine($"» {title}");
            return await work(new Progress<string>(PlainLine)).ConfigureAwait(false);
        }
        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(title), async ctx =>
        {
            var progress = new SyncProgress(msg => ctx.Status(Markup.Escape($"{title}: {Truncate(msg)}")));
            return await work(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>In logs: a line when the phase changes, and otherwise at most one every 10 s.</summary>
    private void PlainLine(string message)
    {
        var phase = message.Split(':', 2)[0];
        var now = DateTime.UtcNow;
        if (phase == _lastPlainPhase && now - _lastPlainLine < TimeSpan.FromSeconds(10)) return;
        _lastPlainPhase = phase;
        _lastPlainLine = now;
        Console.Out.WriteLine("  " + Truncate(message));
    }

    private static string Truncate(string s) => s.Length > 110 ? s[..107] + "..." : s;

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post late messages after the display ends).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
