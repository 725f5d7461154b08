namespace Harness.Docker;

/// <summary>
/// How to run one node of a <see cref="ContainerCluster"/>: its image, environment and any extra
/// <c>docker run</c> flags (e.g. <c>--shm-size 128m</c>), and optionally a command replacing the image's. Name, network, IP, port and labels come from the cluster.
/// </summary>
public sealed record ContainerSpec(
    string Node,
    string Image,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string>? ExtraRunArguments = null,
    IReadOnlyList<string>? Command = null);
