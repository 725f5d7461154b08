using System.Globalization;

namespace Harness.Docker.Internal;

/// <summary>
/// Creates a cluster's bridge network on a random free /24 in 10.200-249.x.0 (Docker refuses overlapping
/// subnets, so a taken one is simply retried). IP masquerading is off: no route out through NAT, while
/// published ports on 127.0.0.1 still work (verified; <c>--internal</c> refuses them).
/// </summary>
internal static class ClusterNetwork
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Returns the first three octets of the subnet that was created, e.g. <c>10.231.17</c>.</summary>
    public static async Task<string> CreateAsync(DockerCli docker, string name, IReadOnlyList<string> labelArgs, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"10.{Random.Shared.Next(200, 250)}.{Random.Shared.Next(0, 256)}");
            string[] args = ["network", "create", "--driver", "bridge", "--subnet", $"{prefix}.0/24", "--gateway", $"{prefix}.1",
                "-o", "com.docker.network.bridge.enable_ip_masquerade=false", .. labelArgs, name];
            var result = await docker.RunAsync(args, Timeout, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) return prefix;
            if (!DockerErrors.IsSubnetTaken(result.Stderr) || result.Stderr.Contains(name, StringComparison.Ordinal))
                throw new DockerException("docker " + string.Join(' ', args), result.ExitCode, result.Stderr);
        }
        throw new DockerException($"no free /24 subnet found for network {name}");
    }
}
