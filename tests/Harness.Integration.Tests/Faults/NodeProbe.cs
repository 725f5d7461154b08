using System.Globalization;
using Harness.Docker;

namespace Harness.Integration.Tests.Faults;

/// <summary>Measurements taken inside a node: kernel TCP counters of its network namespace and one-way UDP probes.</summary>
internal static class NodeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>A counter from <c>/proc/net/snmp</c> (e.g. Tcp RetransSegs, InCsumErrors) or <c>/proc/net/netstat</c> (TcpExt ...).</summary>
    public static async Task<long> CounterAsync(ContainerCluster cluster, string node, string section, string name)
    {
        var file = section == "TcpExt" ? "/proc/net/netstat" : "/proc/net/snmp";
        var script = $"awk '$1 == \"{section}:\" {{ if (!h) {{ for (i = 2; i <= NF; i++) n[i] = $i; h = 1 }} else {{ for (i = 2; i <= NF; i++) if (n[i] == \"{name}\") print $i }} }}' {file}";
        var result = await cluster.ExecAsync(node, ["sh", "-c", script], Timeout, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException($"reading {section} {name} on {node}: {result.Stderr}");
        return long.Parse(result.Stdout.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>True if a UDP datagram sent by <paramref name="from"/> arrives at <paramref name="to"/>.</summary>
    public static async Task<bool> UdpArrivesAsync(ContainerCluster cluster, string from, string to)
    {
        var marker = "probe-" + Guid.NewGuid().ToString("N")[..8];
        await cluster.ExecAsync(to, ["sh", "-c", "rm -f /tmp/udp-probe; (timeout 4 nc -u -l -p 9999 > /tmp/udp-probe 2>/dev/null &) ; sleep 0.3"], Timeout, CancellationToken.None);
        for (var i = 0; i < 3; i++)
            await cluster.ExecAsync(from, ["sh", "-c", $"echo {marker} | timeout 2 nc -u -w 1 {cluster.Ip(to)} 9999"], Timeout, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var got = await cluster.ExecAsync(to, ["sh", "-c", "cat /tmp/udp-probe 2>/dev/null; true"], Timeout, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the listener ends by itself
        return got.Stdout.Contains(marker, StringComparison.Ordinal);
    }
}
