namespace Harness.Core.Generators;

/// <summary>
/// A <see cref="Random"/> seeded with a full 64-bit seed (SplitMix64), so <c>--seed</c> is a <c>long</c> end to
/// end: two seeds that differ only in their high bits give different schedules. Deterministic across runs and
/// platforms, unlike <c>new Random(int)</c>'s unspecified algorithm.
/// </summary>
public sealed class SeededRandom(long seed) : Random
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>An independent stream for another purpose (e.g. the nemesis) derived from the same seed.</summary>
    public static SeededRandom Derived(long seed, long stream) => new(unchecked(seed * 0x5851F42D4C957F2DL + stream * 0x14057B7EF767814FL + 7));

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    protected override double Sample() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override double NextDouble() => Sample();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (int)((NextUInt64() >> 32) * (ulong)maxValue >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)((NextUInt64() >> 32) * (ulong)((long)maxValue - minValue) >> 32);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        return range == 0 ? minValue : minValue + (long)(NextUInt64() % range);
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());
}
