using System.Diagnostics;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// A budget of processor time (user + system, this process), for work that must cost at most so much whatever
/// else the machine is doing: on a loaded machine wall time mostly measures waiting. Reading the process's CPU
/// time costs some microseconds, so <see cref="Spent"/> looks only every 16th call.
/// </summary>
internal sealed class CpuAllowance(TimeSpan allowance)
{
    private readonly TimeSpan _start = Now();
    private int _calls;
    private bool _spent;

    public static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public bool Spent
    {
        get
        {
            if (_spent || (++_calls & 15) != 0) return _spent;
            return _spent = Now() - _start > allowance;
        }
    }
}
