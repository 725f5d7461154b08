using System.Globalization;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker.Internal;

namespace Harness.Docker;

/// <summary>
/// A set of labelled containers, one per node, on a labelled bridge network of their own. Each node has a fixed
/// IP, its node name as hostname and network alias, and its service port published on 127.0.0.1 at a host
/// port picked once, so the host-side clients keep their address across kill and restart. The network
/// disables IP masquerading: nodes talk to each other and the host reaches them, but nothing is NATed to the
/// outside world (a <c>--internal</c> network would also cut the published ports). Kill, pause, iptables
/// partitions and nfqdelay link delays (<see cref="DelayRules"/>) are the fault mechanisms; every docker call has a deadline.
/// </summary>
public sealed class ContainerCluster : IKillable, IPausable, IPartitionable, IAsyncDisposable
{
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private readonly DockerCli docker;
    private readonly Dictionary<string, string> ips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> ports = new(StringComparer.Ordinal);
    private readonly NetworkFaults faults;
    private readonly LinkDelays delays;

    public string RunId { get; }
    public string Name { get; }
    public IReadOnlyList<string> Nodes { get; }
    public int ContainerPort { get; }
    public string NetworkName { get; }
    public string? Subnet { get; private set; }

    public ContainerCluster(string runId, string name, IReadOnlyList<string> nodes, int containerPort, DockerCli? docker = null)
    {
        if (nodes.Count == 0 || nodes.Count > 200) throw new ArgumentException("a cluster has 1 to 200 nodes", nameof(nodes));
        this.docker = docker ?? DockerCli.Default;
        RunId = runId;
        Name = name;
        Nodes = nodes;
        ContainerPort = containerPort;
        NetworkName = Sanitise($"harness-{runId}-{name}");
        faults = new NetworkFaults(this.docker, ContainerName, Ip, nodes);
        delays = new LinkDelays(this.docker, ContainerName, nodes);
    }

    public string ContainerName(string node) => Sanitise($"harness-{RunId}-{node}");

    public string Ip(string node) => ips.TryGetValue(node, out var ip) ? ip : throw new InvalidOperationException($"no IP for {node}: create the network first");

    public int HostPort(string node)
    {
        lock (ports) return ports.TryGetValue(node, out var port) ? port : throw new InvalidOperationException($"{node} has not been started");
    }

    /// <summary>Creates the network on a free /24 and assigns each node its IP (.11, .12, ...).</summary>
    public async Task CreateNetworkAsync(CancellationToken cancellationToken)
    {
        var prefix = await ClusterNetwork.CreateAsync(docker, NetworkName, Labels(null), cancellationToken).ConfigureAwait(false);
        Subnet = $"{prefix}.0/24";
        for (var i = 0; i < Nodes.Count; i++) ips[Nodes[i]] = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{11 + i}");
    }

    /// <summary>Runs one node's container (detached); retries with another host port if the picked one was taken.</summary>
    public async Task StartContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Pick();
            var args = RunArguments(spec, port);
            var result = await docker.RunAsync(args, RunTimeout, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                lock (ports) ports[spec.Node] = port;
                return;
            }
            await docker.RunAsync(["rm", "-f", ContainerName(spec.Node)], ControlTimeout, cancellationToken).ConfigureAwait(false);
            if (!DockerErrors.IsPortTaken(result.Stderr) || attempt >= 4)
                throw new DockerException(string.Join(' ', args), result.ExitCode, result.Stderr);
        }
    }

    /// <summary>Runs a command inside a node; a paused or stopped node yields a failed result, never a hang.</summary>
    public Task<CommandResult> ExecAsync(string node, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        docker.RunAsync(["exec", ContainerName(node), .. command], timeout, cancellationToken);

    /// <summary>True if the node's container is running (paused counts as running).</summary>
    public async Task<bool> IsRunningAsync(string node, CancellationToken cancellationToken)
    {
        var result = await docker.RunAsync(["inspect", "--format", "{{.State.Running}}", ContainerName(node)], ControlTimeout, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded && result.Stdout.Trim() == "true";
    }

    public Task KillAsync(string node, CancellationToken cancellationToken) =>
        Tolerant(["kill", "-s", "KILL", ContainerName(node)], DockerErrors.IsNotRunning, cancellationToken);

    /// <summary>SIGKILLs several nodes with one <c>docker kill</c> (the engine kills them concurrently): a coordinated crash.</summary>
    public Task KillManyAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken) =>
        Tolerant(["kill", "-s", "KILL", .. nodes.Select(ContainerName)], DockerErrors.IsNotRunning, cancellationToken);

    public async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        await docker.RunCheckedAsync(["start", ContainerName(node)], RunTimeout, cancellationToken).ConfigureAwait(false);
        delays.Forget(node); // a started container has a fresh network namespace: no rules, no delayer
        await faults.HealIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
    }

    public Task PauseAsync(string node, CancellationToken cancellationToken) =>
        Tolerant(["pause", ContainerName(node)], e => DockerErrors.IsAlreadyPaused(e) || DockerErrors.IsNotRunning(e), cancellationToken);

    public async Task ResumeAsync(string node, CancellationToken cancellationToken)
    {
        await Tolerant(["unpause", ContainerName(node)], DockerErrors.IsNotPaused, cancellationToken).ConfigureAwait(false);
        await faults.HealIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
        await delays.ClearIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>STOP</c>, <c>CONT</c>) to the node's PID 1 from outside its PID
    /// namespace (from inside, the kernel ignores SIGSTOP to a namespace's init); a stopped node is left alone.</summary>
    public Task SignalAsync(string node, string signal, CancellationToken cancellationToken) =>
        Tolerant(["kill", "-s", signal, ContainerName(node)], DockerErrors.IsNotRunning, cancellationToken);

    /// <summary>Stops a node gracefully (the image's stop signal, then SIGKILL after <paramref name="graceSeconds"/>).</summary>
    public Task StopAsync(string node, int graceSeconds, CancellationToken cancellationToken) =>
        Tolerant(["stop", "-t", graceSeconds.ToString(CultureInfo.InvariantCulture), ContainerName(node)], DockerErrors.IsNotRunning, cancellationToken);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> inside a node, running or stopped (<c>docker cp</c>).</summary>
    public async Task CopyTextIntoAsync(string node, string path, string content, CancellationToken cancellationToken)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, content, cancellationToken).ConfigureAwait(false);
            await docker.RunCheckedAsync(["cp", file, $"{ContainerName(node)}:{path}"], ControlTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Makes <paramref name="node"/> receive the traffic of <paramref name="fromNodes"/> (null: every other node)
    /// <paramref name="delayMs"/> ± <paramref name="jitterMs"/> late, with nfqdelay on its INPUT chain; replaces an earlier delay there.</summary>
    public Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken)
    {
        var from = (fromNodes ?? Nodes).Where(n => n != node).Select(Ip).ToList();
        return delays.ApplyAsync(node, from, delayMs, jitterMs, cancellationToken);
    }

    /// <summary>The nodes that currently carry a delay.</summary>
    public IReadOnlyCollection<string> DelayedNodes => delays.DelayedNodes;

    /// <summary>Stops every delayer and removes its rules; partitions (filter table) are untouched.</summary>
    public Task ClearDelaysAsync(CancellationToken cancellationToken) => delays.ClearAllAsync(cancellationToken);

    public Task ApplyGrudgeAsync(Grudge grudge, CancellationToken cancellationToken) => faults.ApplyAsync(grudge, cancellationToken);

    public Task HealNetworkAsync(CancellationToken cancellationToken) => faults.HealAsync(cancellationToken);

    /// <summary>Writes each node's container output (<c>docker logs</c>, stdout and stderr by time) to <c>dir/&lt;node&gt;.log</c>.</summary>
    public Task CollectLogsAsync(string directory, CancellationToken cancellationToken) =>
        ContainerLogs.CollectAsync(docker, Nodes.ToDictionary(n => n, ContainerName), directory, cancellationToken);

    /// <summary>Removes the containers (with their data) and the network; safe to call twice.</summary>
    public async Task TeardownAsync(CancellationToken cancellationToken)
    {
        var names = Nodes.Select(ContainerName).ToList();
        await docker.RunAsync(["rm", "-f", "-v", .. names], RunTimeout, cancellationToken).ConfigureAwait(false);
        var result = await docker.RunAsync(["network", "rm", NetworkName], ControlTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && !DockerErrors.IsMissing(result.Stderr) && !result.Stderr.Contains("not found", StringComparison.OrdinalIgnoreCase))
            throw new DockerException($"docker network rm {NetworkName}", result.ExitCode, result.Stderr);
    }

    public async ValueTask DisposeAsync() => await TeardownAsync(CancellationToken.None).ConfigureAwait(false);

    private List<string> RunArguments(ContainerSpec spec, int hostPort)
    {
        var args = new List<string>
        {
            "run", "-d", "--name", ContainerName(spec.Node), "--hostname", spec.Node,
            "--network", NetworkName, "--ip", Ip(spec.Node), "--network-alias", spec.Node,
            "--cap-add", "NET_ADMIN", "-p", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{hostPort}:{ContainerPort}"),
        };
        args.AddRange(Labels(spec.Node));
        foreach (var (key, value) in spec.Environment.OrderBy(kv => kv.Key, StringComparer.Ordinal)) args.AddRange(["-e", $"{key}={value}"]);
        args.AddRange(spec.ExtraRunArguments ?? []);
        args.Add(spec.Image);
        args.AddRange(spec.Command ?? []);
        return args;
    }

    private string[] Labels(string? node)
    {
        string[] common = ["--label", HarnessLabels.Managed, "--label", HarnessLabels.Run(RunId), "--label", $"{HarnessLabels.ClusterKey}={Name}"];
        return node is null ? common : [.. common, "--label", $"{HarnessLabels.NodeKey}={node}"];
    }

    private async Task Tolerant(IReadOnlyList<string> args, Func<string, bool> harmless, CancellationToken cancellationToken)
    {
        var result = await docker.RunAsync(args, ControlTimeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && !harmless(result.Stderr)) throw new DockerException(string.Join(' ', args), result.ExitCode, result.Stderr);
    }

    private static string Sanitise(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-').ToArray();
        return new string(chars);
    }
}
