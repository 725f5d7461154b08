using Microsoft.Extensions.Logging.Abstractions;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;

namespace Harness.Docker.Internal;

/// <summary>
/// Creates and starts one node container with Testcontainers' container builder: name, hostname, network and
/// alias, labels, environment, the published port and the "running" wait strategy come from the builder. What it
/// cannot say is set on the Engine API's create parameters through its modifier hook: the fixed IP on the cluster
/// network, <c>NET_ADMIN</c> (for iptables and NFQUEUE inside the node), the address the port is published on,
/// and the spec's extra <c>docker run</c> flags (<see cref="RunArguments"/>). The container is not handed to
/// Testcontainers' reaper; the cluster removes it by name and <see cref="DockerCleaner"/> by label.
/// </summary>
internal static class NodeContainer
{
    public sealed record Placement(string Name, string Network, string Ip, string BindAddress, int HostPort, int ContainerPort);

    public static async Task StartAsync(ContainerSpec spec, Placement at, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken)
    {
        DockerEngine.Configure();
        var extra = RunArguments.Parse(spec.ExtraRunArguments ?? []);
        var builder = new ContainerBuilder(spec.Image)
            .WithName(at.Name)
            .WithHostname(spec.Node)
            .WithNetwork(at.Network)
            .WithNetworkAliases(spec.Node)
            .WithLabel(labels)
            .WithEnvironment(spec.Environment)
            .WithPortBinding(at.HostPort, at.ContainerPort)
            .WithCleanUp(false)
            .WithLogger(NullLogger.Instance) // Testcontainers logs to the console by default; the harness reports its own progress
            .WithWaitStrategy(Wait.ForUnixContainer())
            .WithCreateParameterModifier(p =>
            {
                Place(p, at);
                extra(p);
            });
        if (spec.Command is { Count: > 0 } command) builder = builder.WithCommand([.. command]);
        var container = builder.Build();
        await DockerEngine.CallAsync($"run {at.Name} ({spec.Image})", timeout, (_, ct) => container.StartAsync(ct), cancellationToken).ConfigureAwait(false);
    }

    private static void Place(CreateContainerParameters p, Placement at)
    {
        p.HostConfig ??= new HostConfig();
        p.HostConfig.CapAdd = [.. p.HostConfig.CapAdd ?? [], "NET_ADMIN"];
        foreach (var bindings in p.HostConfig.PortBindings?.Values ?? [])
            foreach (var binding in bindings)
                binding.HostIP = at.BindAddress;
        p.NetworkingConfig ??= new NetworkingConfig();
        p.NetworkingConfig.EndpointsConfig ??= new Dictionary<string, EndpointSettings>();
        if (!p.NetworkingConfig.EndpointsConfig.TryGetValue(at.Network, out var endpoint))
            p.NetworkingConfig.EndpointsConfig[at.Network] = endpoint = new EndpointSettings();
        endpoint.IPAMConfig = new EndpointIPAMConfig { IPv4Address = at.Ip };
    }
}
