using Harness.Core.Testing;
using Harness.Runner.Nemeses;
using NUnit.Framework;

namespace Harness.Core.Tests.Runner;

public sealed class NemesisStepTimeoutTests
{
    private sealed class Slow(string fault, TimeSpan? timeout) : INemesis
    {
        public IReadOnlyList<string> Faults { get; } = [fault];
        public TimeSpan? StepTimeout => timeout;
        public Task<object?> InvokeAsync(string f, object? value, CancellationToken ct) => Task.FromResult<object?>(f);
        public Task HealAllAsync(CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Plain : INemesis
    {
        public IReadOnlyList<string> Faults { get; } = ["plain"];
        public Task<object?> InvokeAsync(string f, object? value, CancellationToken ct) => Task.FromResult<object?>(f);
        public Task HealAllAsync(CancellationToken ct) => Task.CompletedTask;
    }

    [Test]
    public void ANemesisWithoutAnOpinionTakesTheDefaultAndACompositeTakesTheLongestItsPartsAskFor()
    {
        Assert.That(((INemesis)new Plain()).StepTimeout, Is.Null);
        Assert.That(((INemesis)new CompositeNemesis([new Plain()])).StepTimeout, Is.Null);
        var composite = new CompositeNemesis([new Plain(), new Slow("clone", TimeSpan.FromMinutes(25)), new Slow("pad", TimeSpan.FromMinutes(2))]);
        Assert.That(((INemesis)composite).StepTimeout, Is.EqualTo(TimeSpan.FromMinutes(25)));
    }
}
