namespace Harness.Core.Formats;

/// <summary>Input that does not parse. Names the file, the 1-based line and column, and what was expected;
/// the CLI turns it into exit code 254.</summary>
public sealed class HistoryFormatException(string file, int line, int column, string expected)
    : Exception($"{file}:{line}:{column}: {expected}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Expected { get; } = expected;
}
