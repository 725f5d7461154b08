using Docker.DotNet;
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
/// partitions and nfqdelay link delays (<see cref="DelayRules"/>) are the fault mechanisms. Networks and containers
/// are created with Testcontainers' builders; exec, kill, start, pause, stop, copy, logs and removal go through the
/// Docker Engine API (Docker.DotNet); every call has a deadline. No <c>docker</c> process is spawned.
/// </summary>
public sealed class ContainerCluster : IKillable, IPausable, IPartitionable, IAsyncDisposable
{
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

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

    /// <summary>Where clients reach the published ports: 127.0.0.1 with a local engine, the engine's host when
    /// <c>DOCKER_HOST</c> names another machine.</summary>
    public string Host => DockerEngine.PublishedHost;

    /// <param name="docker">Ignored (kept for source compatibility): the cluster talks to the Engine API, not the CLI.</param>
    public ContainerCluster(string runId, string name, IReadOnlyList<string> nodes, int containerPort, DockerCli? docker = null)
    {
        if (nodes.Count == 0 || nodes.Count > 200) throw new ArgumentException("a cluster has 1 to 200 nodes", nameof(nodes));
        _ = docker;
        RunId = runId;
        Name = name;
        Nodes = nodes;
        ContainerPort = containerPort;
        NetworkName = Sanitise($"harness-{runId}-{name}");
        faults = new NetworkFaults(ContainerName, Ip, nodes);
        delays = new LinkDelays(ContainerName, nodes);
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
        var prefix = await ClusterNetwork.CreateAsync(NetworkName, Labels(null), cancellationToken).ConfigureAwait(false);
        Subnet = $"{prefix}.0/24";
        for (var i = 0; i < Nodes.Count; i++) ips[Nodes[i]] = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{11 + i}");
    }

    /// <summary>Creates and starts one node's container; retries with another host port if the picked one was taken.</summary>
    public async Task StartContainerAsync(ContainerSpec spec, CancellationToken cancellationToken)
    {
        var local = DockerEngine.IsLocal;
        for (var attempt = 0; ; attempt++)
        {
            var port = local ? FreePort.Pick() : Random.Shared.Next(20000, 60000);
            var at = new NodeContainer.Placement(ContainerName(spec.Node), NetworkName, Ip(spec.Node), local ? "127.0.0.1" : "0.0.0.0", port, ContainerPort);
            try
            {
                await NodeContainer.StartAsync(spec, at, Labels(spec.Node), RunTimeout, cancellationToken).ConfigureAwait(false);
                lock (ports) ports[spec.Node] = port;
                return;
            }
            catch (Exception e) when (e is DockerApiException or TimeoutException)
            {
                await ContainerOps.RemoveAsync(at.Name, ControlTimeout, CancellationToken.None).ConfigureAwait(false);
                var message = e is DockerApiException api ? DockerEngine.Message(api) : e.Message;
                if (!DockerErrors.IsPortTaken(message) || attempt >= 4)
                    throw new DockerException($"docker run {at.Name} ({spec.Image})", e is DockerApiException a ? DockerEngine.Code(a) : -1, message);
            }
        }
    }

    /// <summary>Runs a command inside a node; a paused or stopped node yields a failed result, never a hang.</summary>
    public Task<CommandResult> ExecAsync(string node, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        ContainerOps.ExecAsync(ContainerName(node), command, timeout, cancellationToken);

    /// <summary>True if the node's container is running (paused counts as running).</summary>
    public async Task<bool> IsRunningAsync(string node, CancellationToken cancellationToken) =>
        await ContainerOps.StateAsync(ContainerName(node), ControlTimeout, cancellationToken).ConfigureAwait(false) is { Running: true };

    public Task KillAsync(string node, CancellationToken cancellationToken) =>
        Tolerant(ContainerOps.KillAsync(ContainerName(node), "KILL", ControlTimeout, cancellationToken), "kill -s KILL", node, DockerErrors.IsNotRunning);

    /// <summary>SIGKILLs several nodes with concurrent Engine API requests (no process per call): a coordinated crash.</summary>
    public Task KillManyAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken) =>
        Task.WhenAll(nodes.Select(n => KillAsync(n, cancellationToken)));

    public async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        await Tolerant(ContainerOps.StartAsync(ContainerName(node), RunTimeout, cancellationToken), "start", node, _ => false).ConfigureAwait(false);
        delays.Forget(node); // a started container has a fresh network namespace: no rules, no delayer
        await faults.HealIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
    }

    public Task PauseAsync(string node, CancellationToken cancellationToken) =>
        Tolerant(ContainerOps.PauseAsync(ContainerName(node), ControlTimeout, cancellationToken), "pause", node,
            e => DockerErrors.IsAlreadyPaused(e) || DockerErrors.IsNotRunning(e));

    public async Task ResumeAsync(string node, CancellationToken cancellationToken)
    {
        await Tolerant(ContainerOps.UnpauseAsync(ContainerName(node), ControlTimeout, cancellationToken), "unpause", node, DockerErrors.IsNotPaused)
            .ConfigureAwait(false);
        await faults.HealIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
        await delays.ClearIfPendingAsync(node, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>STOP</c>, <c>CONT</c>) to the node's PID 1 from outside its PID
    /// namespace (from inside, the kernel ignores SIGSTOP to a namespace's init); a stopped node is left alone.</summary>
    public Task SignalAsync(string node, string signal, CancellationToken cancellationToken) =>
        Tolerant(ContainerOps.KillAsync(ContainerName(node), signal, ControlTimeout, cancellationToken), "kill -s " + signal, node, DockerErrors.IsNotRunning);

    /// <summary>Stops a node gracefully (the image's stop signal, then SIGKILL after <paramref name="graceSeconds"/>).</summary>
    public Task StopAsync(string node, int graceSeconds, CancellationToken cancellationToken) =>
        Tolerant(ContainerOps.StopAsync(ContainerName(node), graceSeconds, ControlTimeout, cancellationToken), "stop", node, DockerErrors.IsNotRunning);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> inside a node, running or stopped (a tar archive
    /// through the Engine API, as <c>docker cp</c> does; the file is owned by root, mode 0644).</summary>
    public Task CopyTextIntoAsync(string node, string path, string content, CancellationToken cancellationToken) =>
        ContainerOps.CopyTextAsync(ContainerName(node), path, content, ControlTimeout, cancellationToken);

    /// <summary>The last <paramref name="lines"/> lines of a node's container output (stdout, then stderr); empty if it is gone.</summary>
    public async Task<string> TailLogAsync(string node, int lines, CancellationToken cancellationToken)
    {
        var result = await ContainerOps.LogsAsync(ContainerName(node), lines, timestamps: false, ControlTimeout, cancellationToken).ConfigureAwait(false);
        return result.Stdout + result.Stderr;
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
        ContainerLogs.CollectAsync(Nodes.ToDictionary(n => n, ContainerName), directory, cancellationToken);

    /// <summary>Removes the containers (with their data) and the network; safe to call twice. Every removal is tried even
    /// when one fails or times out; then a <see cref="DockerException"/> names what is left, by run id (its label).</summary>
    public async Task TeardownAsync(CancellationToken cancellationToken)
    {
        var left = (await Task.WhenAll(Nodes.Select(n => RemoveContainerAsync(ContainerName(n), cancellationToken))).ConfigureAwait(false)).OfType<string>().ToList();
        try
        {
            await ClusterNetwork.RemoveAsync(NetworkName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerException or TimeoutException)
        {
            left.Add($"network {NetworkName}: {e.Message}");
        }
        if (left.Count > 0) throw new DockerException($"cluster {Name} (run {RunId}) left behind: {string.Join("; ", left)}");
    }

    /// <summary>Removes one container; returns what went wrong, or null when it is gone (or was never there).</summary>
    private static async Task<string?> RemoveContainerAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            var r = await ContainerOps.RemoveAsync(container, RunTimeout, cancellationToken).ConfigureAwait(false);
            var gone = r.Succeeded || DockerErrors.IsMissing(r.Stderr) || r.Stderr.Contains("already in progress", StringComparison.OrdinalIgnoreCase);
            return gone ? null : $"{container}: {r.Stderr.Trim()}";
        }
        catch (Exception e) when (e is TimeoutException or DockerException)
        {
            return $"{container}: {e.Message}";
        }
    }

    public async ValueTask DisposeAsync() => await TeardownAsync(CancellationToken.None).ConfigureAwait(false);

    private Dictionary<string, string> Labels(string? node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HarnessLabels.ManagedKey] = "true",
            [HarnessLabels.RunKey] = RunId,
            [HarnessLabels.ClusterKey] = Name,
        };
        if (node is not null) labels[HarnessLabels.NodeKey] = node;
        if (HarnessLabels.OwnerValue is { } owner) labels[HarnessLabels.OwnerKey] = owner;
        return labels;
    }

    private static async Task Tolerant(Task<CommandResult> call, string verb, string node, Func<string, bool> harmless)
    {
        var result = await call.ConfigureAwait(false);
        if (!result.Succeeded && !harmless(result.Stderr)) throw new DockerException($"docker {verb} ({node})", result.ExitCode, result.Stderr);
    }

    private static string Sanitise(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-').ToArray();
        return new string(chars);
    }
}
