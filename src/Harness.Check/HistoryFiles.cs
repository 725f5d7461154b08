using Harness.Check.Internal;
using Harness.Core.Checking;
using Harness.Core.Formats;
using Harness.Core.History;

namespace Harness.Check;

/// <summary>Reads and pairs a history file for <c>harness check</c>; an unknown format name or unpaired operations
/// are bad input (exit 254) naming the file. <see cref="Stream"/> feeds a streaming check instead of building the
/// history, with the same errors.</summary>
public static class HistoryFiles
{
    public static History Read(string path, string? format, Action<string>? warn = null)
    {
        var ops = Formats(() => HistoryFormats.Read(path, format, warn));
        try
        {
            return History.Of(ops);
        }
        catch (HistoryPairingException e)
        {
            throw Unpaired(path, e);
        }
    }

    /// <summary>Streams the file's operations into <paramref name="check"/> (see <see cref="IStreamingChecker"/>),
    /// holding none of them (the file is read on a thread of its own, a few thousand operations ahead: see <c>ReadAhead</c>), and returns the history's counts. A file that <see cref="Read"/> rejects is rejected
    /// here with the same error (a pairing fault once the whole file has been read, as <see cref="Read"/> finds it);
    /// the check must then not be finished.</summary>
    public static CheckCounts Stream(string path, string? format, IStreamingCheck check, Action<string>? warn = null)
    {
        var pairing = new StreamedPairing();
        foreach (var op in ReadAhead.Of(Formats(() => HistoryFormats.Stream(path, format, warn))))
        {
            pairing.Add(op);
            check.Add(op);
        }
        if (pairing.Fault is { } fault) throw Unpaired(path, fault);
        return pairing.Counts();
    }

    private static T Formats<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            throw new UsageException($"--format: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static HistoryFormatException Unpaired(string path, HistoryPairingException e) =>
        new(path, e.Position + 1, 1, "paired invocations and completions: " + e.Message);
}
