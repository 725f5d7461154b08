namespace Harness.Lab.Internal;

/// <summary>Reports synchronously on the caller's thread (<see cref="Progress{T}"/> would post late messages after a display ends).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
