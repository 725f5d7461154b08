namespace Harness.Core.History;

/// <summary>A history whose invocations and completions do not pair up.</summary>
public sealed class HistoryPairingException(int position, string message)
    : Exception($"operation {position}: {message}")
{
    public int Position { get; } = position;
}
