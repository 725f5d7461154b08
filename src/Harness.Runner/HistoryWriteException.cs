namespace Harness.Runner;

/// <summary>
/// The history could not be appended to (typically the store's disk is full). The message names the file and says
/// how many operations it holds intact; the run stops, and what was written stays readable by <c>harness check</c>.
/// </summary>
public sealed class HistoryWriteException(string path, long intactOperations, IOException inner)
    : IOException($"could not append to {path}: {inner.Message}. The history up to operation {intactOperations} is intact there " +
                  "(check it with 'harness check'); free space in the store (or pass --store on another disk) and run again.", inner)
{
    /// <summary>The history file.</summary>
    public string Path { get; } = path;

    /// <summary>Operations written whole before the failure.</summary>
    public long IntactOperations { get; } = intactOperations;
}
