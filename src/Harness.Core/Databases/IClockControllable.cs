namespace Harness.Core.Databases;

/// <summary>
/// Per-node clocks that can be moved while the database runs (all containers share the host kernel's clock, so this
/// is done with libfaketime preloaded into the server): bump by an offset, strobe back and forth, run at a skewed
/// rate, reset. Only databases whose server honours libfaketime offer it (PostgreSQL and MariaDB do; Redis and etcd
/// do not).
/// </summary>
public interface IClockControllable
{
    /// <summary>Moves the node's clock by <paramref name="offsetSeconds"/> from true time (replaces an earlier setting).</summary>
    Task BumpClockAsync(string node, double offsetSeconds, CancellationToken cancellationToken);

    /// <summary>Flips the node's clock between true time and <paramref name="deltaSeconds"/> ahead every
    /// <paramref name="periodMs"/> milliseconds for <paramref name="durationSeconds"/>.</summary>
    Task StrobeClockAsync(string node, double deltaSeconds, int periodMs, double durationSeconds, CancellationToken cancellationToken);

    /// <summary>Makes the node's clock run at <paramref name="rate"/> times true speed from now on.</summary>
    Task SkewClockAsync(string node, double rate, CancellationToken cancellationToken);

    /// <summary>Puts every node's clock back to true time.</summary>
    Task ResetClocksAsync(CancellationToken cancellationToken);

    /// <summary>Each reachable node's clock minus true time in seconds, measured inside the node (a node that does
    /// not answer is left out).</summary>
    Task<IReadOnlyDictionary<string, double>> ClockOffsetsAsync(CancellationToken cancellationToken);
}
