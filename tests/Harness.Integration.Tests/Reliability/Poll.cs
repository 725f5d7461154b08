using System.Diagnostics;

namespace Harness.Integration.Tests.Reliability;

/// <summary>Waiting for a condition of a child harness or the engine, every 250 ms, for at most a given time.</summary>
internal static class Poll
{
    /// <summary>True as soon as <paramref name="condition"/> holds; false if it never did within <paramref name="timeout"/>.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
