using System.Globalization;
using Harness.Core.Faults;

namespace Harness.Docker;

/// <summary>
/// Packet faults without netem: as <see cref="DelayRules"/>, but in a chain and an NFQUEUE of their own
/// (<see cref="Chain"/>, queue <see cref="QueueNumber"/>), so partitions (filter table), link delays and packet faults
/// are set and healed independently. The receiving node queues what arrives from the chosen peers (not what arrives
/// on <c>lo</c>, where duplicates come back in), and <c>nfqdelay</c> applies the <see cref="PacketFault"/>. Pure
/// text, unit-tested without Docker.
/// </summary>
public static class PacketFaultRules
{
    public const string Chain = "HARNESS_PACKET";
    public const int QueueNumber = 2;
    public const string PidFile = "/run/harness-nfqpacket.pid";

    /// <summary>Stops the packet delayer (SIGTERM releases held packets) and empties its chain; never fails.</summary>
    public static string ClearScript { get; } =
        $"iptables -w -t mangle -F {Chain} 2>/dev/null; " +
        $"if [ -s {PidFile} ]; then kill $(cat {PidFile}) 2>/dev/null; fi; rm -f {PidFile}; true";

    /// <summary>The nfqdelay arguments for <paramref name="fault"/>.</summary>
    public static string Arguments(PacketFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Problem() is { } problem) throw new ArgumentException(problem, nameof(fault));
        return string.Create(CultureInfo.InvariantCulture,
            $"-q {QueueNumber} -d {fault.DelayMs:0.###} -j {fault.JitterMs:0.###} -D {fault.Distribution} -l {fault.LossPercent:0.###} " +
            $"-u {fault.DuplicatePercent:0.###} -o {fault.ReorderPercent:0.###} -c {fault.CorruptPercent:0.###} -r {fault.RateKbit:0.###}");
    }

    /// <summary>The script that (re)places the packet fault on one node for traffic from <paramref name="fromIps"/>.</summary>
    public static string ApplyScript(IReadOnlyList<string> fromIps, PacketFault fault)
    {
        ArgumentNullException.ThrowIfNull(fromIps);
        if (fromIps.Count == 0) throw new ArgumentException("no peers to fault", nameof(fromIps));
        // The wrapper shell exits 0 so that PID 1 (the postmaster, for PostgreSQL) never reaps a child killed by a signal.
        var start = $"nohup sh -c 'nfqdelay {Arguments(fault)} & echo $! > {PidFile}; wait; exit 0' >/tmp/harness-nfqpacket.log 2>&1 &";
        var lines = new List<string>
        {
            ClearScript,
            "set -e",
            $"iptables -w -t mangle -N {Chain} 2>/dev/null || true",
            $"iptables -w -t mangle -C INPUT -j {Chain} 2>/dev/null || iptables -w -t mangle -I INPUT 1 -j {Chain}",
            start,
            $"i=0; while [ ! -s {PidFile} ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done",
        };
        lines.AddRange(fromIps.Distinct().Order(StringComparer.Ordinal).Select(ip =>
            $"iptables -w -t mangle -A {Chain} ! -i lo -s {ip} -j NFQUEUE --queue-num {QueueNumber} --queue-bypass"));
        return string.Join('\n', lines);
    }
}
