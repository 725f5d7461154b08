namespace Harness.Docker;

/// <summary>
/// How to run one node of a <see cref="ContainerCluster"/>: its image, environment and any extra
/// <c>docker run</c> flags (e.g. <c>--shm-size 128m</c>). Name, network, IP, port and labels come from the cluster.
/// </summary>
public sealed record ContainerSpec(
    string Node,
    string Image,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string>? ExtraRunArguments = null);
