using Harness.Core.Databases;
using NUnit.Framework;

namespace Harness.Core.Tests.Databases;

public sealed class DeadlineSourceTests
{
    [Test]
    public async Task ACallbackThatThrowsAtTheDeadlineIsKeptNotThrownOnTheTimerThread()
    {
        using var deadline = new DeadlineSource(TimeSpan.FromMilliseconds(20));
        var fired = new TaskCompletionSource();
        deadline.Token.Register(() =>
        {
            fired.TrySetResult();
            throw new NullReferenceException("as Npgsql's PerformUserCancellation did");
        });
        await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 300 && deadline.CallbackFailure is null; i++) await Task.Delay(10);
        Assert.That(deadline.Token.IsCancellationRequested, Is.True);
        Assert.That(deadline.CallbackFailure, Is.TypeOf<NullReferenceException>());
    }

    [Test]
    public void TheLinkedTokenCancelsAtOnceAndDisposingBeforeTheDeadlineStopsTheTimer()
    {
        using var outer = new CancellationTokenSource();
        var deadline = new DeadlineSource(TimeSpan.FromMilliseconds(10), outer.Token);
        outer.Cancel();
        Assert.That(deadline.Token.IsCancellationRequested, Is.True);
        deadline.Dispose();
        Thread.Sleep(50); // the timer would fire now: it must not touch the disposed source
        Assert.That(deadline.CallbackFailure, Is.Null);
    }
}
