using System.Globalization;

namespace Harness.Docker;

/// <summary>
/// Slow links without netem (this kernel has none): the receiving node sends the packets of chosen peers to an
/// NFQUEUE, and <c>nfqdelay</c> (in the tool image) holds each one for delay plus or minus jitter before accepting
/// it. Delaying on the receiver's INPUT, not the sender's OUTPUT, keeps TCP's send budget out of the way. The rules
/// live in a chain of their own in the <c>mangle</c> table, so the partition heal (a flush of the <c>filter</c>
/// table) leaves delays alone and clearing a delay leaves partitions alone; a packet that the delayer releases
/// still meets the partition rules afterwards. The queue is fail-open (<c>--queue-bypass</c>): when nfqdelay is
/// not running traffic passes undelayed. Pure text, so the scripts are unit-tested without Docker.
/// </summary>
public static class DelayRules
{
    public const string Chain = "HARNESS_DELAY";
    public const int QueueNumber = 1;
    public const string PidFile = "/run/harness-nfqdelay.pid";

    /// <summary>Stops the delayer (SIGTERM releases held packets, exit status 0) and empties the chain; never fails.</summary>
    public static string ClearScript { get; } =
        $"iptables -w -t mangle -F {Chain} 2>/dev/null; " +
        $"if [ -s {PidFile} ]; then kill $(cat {PidFile}) 2>/dev/null; fi; rm -f {PidFile}; true";

    /// <summary>The script that (re)places the delay on one node for traffic from <paramref name="fromIps"/>.</summary>
    public static string ApplyScript(IReadOnlyList<string> fromIps, int delayMs, int jitterMs)
    {
        ArgumentNullException.ThrowIfNull(fromIps);
        if (fromIps.Count == 0) throw new ArgumentException("nothing to delay: no peers", nameof(fromIps));
        if (delayMs < 0 || jitterMs < 0 || jitterMs > delayMs) throw new ArgumentException("need 0 <= jitter <= delay");
        var c = CultureInfo.InvariantCulture;
        // A wrapper shell waits for nfqdelay and exits 0: the orphan is reaped by the container's PID 1 (the
        // postmaster, for PostgreSQL), which would treat an unknown child dying of a signal as a crashed backend.
        var start = string.Create(c, $"nohup sh -c 'nfqdelay -q {QueueNumber} -d {delayMs} -j {jitterMs} & echo $! > {PidFile}; wait; exit 0' ") +
                    ">/tmp/harness-nfqdelay.log 2>&1 &";
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
            string.Create(c, $"iptables -w -t mangle -A {Chain} -s {ip} -j NFQUEUE --queue-num {QueueNumber} --queue-bypass")));
        return string.Join('\n', lines);
    }
}
