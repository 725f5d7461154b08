using Harness.Core.Testing;

namespace Harness.Runner.Nemeses;

/// <summary>Routes each fault operation to the nemesis that handles that fault (packages compose by name).</summary>
public sealed class CompositeNemesis(IReadOnlyList<INemesis> parts) : INemesis
{
    public IReadOnlyList<string> Faults { get; } = parts.SelectMany(p => p.Faults).ToList();

    /// <summary>The longest step timeout any part asks for (null when none asks).</summary>
    public TimeSpan? StepTimeout { get; } = parts.Select(p => p.StepTimeout).Max();

    public Task<object?> InvokeAsync(string f, object? value, CancellationToken cancellationToken)
    {
        var fault = f[(f.IndexOf('-', StringComparison.Ordinal) + 1)..];
        var part = parts.FirstOrDefault(p => p.Faults.Contains(fault))
            ?? throw new ArgumentException($"no nemesis handles {f}");
        return part.InvokeAsync(f, value, cancellationToken);
    }

    public async Task HealAllAsync(CancellationToken cancellationToken)
    {
        foreach (var p in parts) await p.HealAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
