using Microsoft.Extensions.Logging.Abstractions;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Harness.Docker.Internal;

/// <summary>
/// Creates a cluster's bridge network (Testcontainers' network builder) on a random free /24 in 10.200-249.x.0
/// (Docker refuses overlapping subnets, so a taken one is simply retried). IP masquerading is off: no route out
/// through NAT, while published ports still work (verified; <c>--internal</c> refuses them). The builder has no
/// option for the subnet, so it is set on the create parameters through its modifier hook.
/// </summary>
internal static class ClusterNetwork
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns the first three octets of the subnet that was created, e.g. <c>10.231.17</c>.</summary>
    public static async Task<string> CreateAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        DockerEngine.Configure();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"10.{Random.Shared.Next(200, 250)}.{Random.Shared.Next(0, 256)}");
            var network = new NetworkBuilder()
                .WithName(name)
                .WithDriver(NetworkDriver.Bridge)
                .WithOption("com.docker.network.bridge.enable_ip_masquerade", "false")
                .WithLabel(labels)
                .WithCleanUp(false)
                .WithLogger(NullLogger.Instance) // Testcontainers logs to the console by default; the harness reports its own progress
                .WithCreateParameterModifier(p => p.IPAM = new IPAM
                {
                    Driver = "default",
                    Config = [new IPAMConfig { Subnet = $"{prefix}.0/24", Gateway = $"{prefix}.1" }],
                })
                .Build();
            try
            {
                await DockerEngine.CallAsync($"network create {name} ({prefix}.0/24)", Timeout, (_, ct) => network.CreateAsync(ct), cancellationToken)
                    .ConfigureAwait(false);
                return prefix;
            }
            catch (DockerApiException e) when (IsSubnetTaken(DockerEngine.Message(e), name))
            {
                // Another network holds this /24: try another.
            }
            catch (DockerApiException e)
            {
                throw new DockerException($"docker network create {name} --subnet {prefix}.0/24", DockerEngine.Code(e), DockerEngine.Message(e));
            }
        }
        throw new DockerException($"no free /24 subnet found for network {name}");
    }

    /// <summary>Removes the network; a missing one is fine.</summary>
    public static async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await DockerEngine.CallAsync($"network rm {name}", Timeout, (d, ct) => d.Networks.DeleteNetworkAsync(name, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerEngine.IsNotFound(e) || DockerErrors.IsMissing(DockerEngine.Message(e)) || DockerEngine.Message(e).Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            // Already gone.
        }
        catch (DockerApiException e)
        {
            throw new DockerException($"docker network rm {name}", DockerEngine.Code(e), DockerEngine.Message(e));
        }
    }

    private static bool IsSubnetTaken(string message, string name) =>
        DockerErrors.IsSubnetTaken(message) && !message.Contains(name, StringComparison.Ordinal);
}
