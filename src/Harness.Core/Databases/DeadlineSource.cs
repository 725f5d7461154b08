namespace Harness.Core.Databases;

/// <summary>
/// A cancellation source that cancels itself after a deadline, for tokens handed to database drivers. Unlike
/// <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>, whose timer runs the drivers' cancellation callbacks
/// on a thread-pool timer thread where an exception ends the process, this timer catches what a callback throws:
/// Npgsql's user cancellation threw a NullReferenceException there when it raced with the connection being closed
/// (seen in a commit-modes run under partition-failover, 2026-12-01), and the whole harness died mid-scenario. The
/// operation that was cancelled is abandoned either way; the exception is kept in <see cref="CallbackFailure"/>.
/// </summary>
public sealed class DeadlineSource : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly Timer _timer;

    public DeadlineSource(TimeSpan deadline, CancellationToken linked = default)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(linked);
        _timer = new Timer(static state => ((DeadlineSource)state!).Fire(), this, deadline, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>What a cancellation callback threw when the deadline passed (null if nothing did).</summary>
    public Exception? CallbackFailure { get; private set; }

    private void Fire()
    {
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the operation finished and disposed this source as the timer fired
        }
        catch (AggregateException e)
        {
            CallbackFailure = e.InnerExceptions.Count == 1 ? e.InnerExceptions[0] : e;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }
}
