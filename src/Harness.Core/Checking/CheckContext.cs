namespace Harness.Core.Checking;

/// <summary>What a checker may know beyond the history: its time budget, cancellation and the test's options
/// (e.g. <c>model</c>, <c>initial-value</c>, <c>consistency-model</c>), all as plain strings.</summary>
public sealed record CheckContext
{
    public TimeSpan? TimeLimit { get; init; }
    public CancellationToken Cancellation { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public static CheckContext Default { get; } = new();

    public string? Option(string name) => Options.TryGetValue(name, out var v) ? v : null;
}
