using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Harness.Docker.Internal;

/// <summary>
/// Receives what Testcontainers logs while it builds one image (the engine's build stream arrives as debug
/// messages): every line goes to the <see cref="BuildLog"/>, the last ones are kept for an error message, and each
/// <c>Step n/m</c> becomes one progress report <c>TAG: step n/m, 12.3 s</c>, so a display that keeps one line per
/// image (the CLI's does: it groups by the text before the first colon) shows a live line instead of the raw output.
/// </summary>
internal sealed partial class BuildProgress(string tag, BuildLog log, IProgress<string>? progress) : ILogger
{
    private const int TailLines = 25;
    private readonly Queue<string> tail = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public int Step { get; private set; }
    public int Steps { get; private set; }
    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>The last lines of this build's output, oldest first.</summary>
    public string Tail
    {
        get
        {
            lock (tail) return string.Join('\n', tail);
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var text = formatter(state, exception);
        if (exception is not null) text += $" ({exception.GetType().Name}: {exception.Message})";
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Record(line);
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <summary>Adds a line of our own (start, end, failure) to the log and the tail.</summary>
    public void Record(string line)
    {
        log.Append($"[{tag}] {line}");
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > TailLines) tail.Dequeue();
        }
        var step = StepPattern().Match(line);
        if (!step.Success) return;
        Step = int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture);
        Steps = int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture);
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{tag}: step {Step}/{Steps}, {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    [GeneratedRegex(@"^Step (\d+)/(\d+) :")]
    private static partial Regex StepPattern();
}
