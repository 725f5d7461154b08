using System.Collections.Concurrent;
using Harness.Core.Databases;
using Harness.Core.Faults;

namespace Harness.Core.Tests.Runner;

/// <summary>A cluster that only records the fault calls it receives (every new capability), for nemesis unit tests.</summary>
internal sealed class FakeFaultCluster : IKillable, IHasPrimary, IProcessSignalable, IClockControllable, IPacketFaultable, IOneWayPartitionable, IDiskFillable
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly Dictionary<string, double> _offsets;

    public FakeFaultCluster(IReadOnlyList<string> nodes) => _offsets = nodes.ToDictionary(n => n, _ => 0.0);

    public string Primary { get; set; } = "n1";
    public IReadOnlyList<string> Calls => _calls.ToList();

    private Task Note(string call)
    {
        _calls.Enqueue(call);
        return Task.CompletedTask;
    }

    public Task KillAsync(string node, CancellationToken cancellationToken) => Note("kill " + node);
    public Task StartAsync(string node, CancellationToken cancellationToken) => Note("start " + node);
    public Task<string?> PrimaryAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(Primary);
    public Task StopProcessAsync(string node, CancellationToken cancellationToken) => Note("sigstop " + node);
    public Task ContinueProcessAsync(string node, CancellationToken cancellationToken) => Note("sigcont " + node);

    public Task BumpClockAsync(string node, double offsetSeconds, CancellationToken cancellationToken)
    {
        _offsets[node] = offsetSeconds;
        return Note($"bump {node} {offsetSeconds}");
    }

    public Task StrobeClockAsync(string node, double deltaSeconds, int periodMs, double durationSeconds, CancellationToken cancellationToken) =>
        Note($"strobe {node} {deltaSeconds} {periodMs} {durationSeconds}");

    public Task SkewClockAsync(string node, double rate, CancellationToken cancellationToken) => Note($"skew {node} {rate}");

    public Task ResetClocksAsync(CancellationToken cancellationToken)
    {
        foreach (var n in _offsets.Keys.ToList()) _offsets[n] = 0;
        return Note("reset clocks");
    }

    public Task<IReadOnlyDictionary<string, double>> ClockOffsetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double>(_offsets));

    public Task ApplyPacketFaultAsync(string node, IReadOnlyList<string>? fromNodes, PacketFault fault, CancellationToken cancellationToken) =>
        Note($"packet {node} from {(fromNodes is null ? "all" : string.Join("/", fromNodes))}: {fault}");

    public Task ClearPacketFaultsAsync(CancellationToken cancellationToken) => Note("clear packets");
    public Task ApplyOneWayAsync(Grudge grudge, CancellationToken cancellationToken) => Note("one-way " + grudge);
    public Task HealOneWayAsync(CancellationToken cancellationToken) => Note("heal one-way");
    public Task<string> FillDiskAsync(string node, CancellationToken cancellationToken) => Note("fill " + node).ContinueWith(_ => "filled " + node, TaskScheduler.Default);
    public Task FreeDiskAsync(CancellationToken cancellationToken) => Note("free disks");
}
