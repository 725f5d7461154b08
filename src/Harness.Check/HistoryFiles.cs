using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Check;

/// <summary>Reads and pairs a history file for <c>harness check</c>; an unknown format name or unpaired operations
/// are bad input (exit 254) naming the file.</summary>
public static class HistoryFiles
{
    public static History Read(string path, string? format, Action<string>? warn = null)
    {
        IReadOnlyList<Op> ops;
        try
        {
            ops = HistoryFormats.Read(path, format, warn);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new UsageException($"--format: {e.Message.Split(" (Parameter", 2)[0]}");
        }
        try
        {
            return History.Of(ops);
        }
        catch (HistoryPairingException e)
        {
            throw new HistoryFormatException(path, e.Position + 1, 1, "paired invocations and completions: " + e.Message);
        }
    }
}
