using System.Diagnostics;

namespace Harness.Workloads.Postgres.Routing;

/// <summary>What read routing remembers about one client session (a process): when its last write was acknowledged,
/// the WAL position that write reached (0: none yet; null: unknown, the position could not be read), and its own
/// seeded random source for picking standbys.</summary>
internal sealed class ReadSession(int seed)
{
    private long _lastWriteTimestamp;

    public Random Random { get; } = new(seed);

    /// <summary>WAL bytes from 0/0 up to the end of the last write (<c>pg_current_wal_insert_lsn()</c> after commit).</summary>
    public long? WriteLsn { get; set; } = 0;

    public bool HasWritten => _lastWriteTimestamp != 0;

    public void Wrote() => _lastWriteTimestamp = Stopwatch.GetTimestamp();

    public double MillisecondsSinceWrite => Stopwatch.GetElapsedTime(_lastWriteTimestamp).TotalMilliseconds;
}
