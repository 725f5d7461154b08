using System.Diagnostics;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.MariaDb.Workloads;
using MySqlConnector;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// What both MariaDB cluster kinds share: one container per node from <see cref="MariaDbImage"/> on a
/// <see cref="ContainerCluster"/> (fixed IPs, a fixed host port per node, kill / pause / iptables partitions), the
/// <c>harness</c> user and database that clients use, and waiting for health. There is no single primary: every
/// node accepts writes, and clients write to their own node. Subclasses decide how the nodes are wired together
/// (<see cref="GaleraCluster"/>: synchronous certification; <see cref="MultiLeaderCluster"/>: asynchronous mutual
/// replication) and what healthy means. As <see cref="IHasPrimary"/> the cluster names the first node, in order, that
/// accepts writes right now, so a fault aimed at "the primary" hits a live leader.
/// </summary>
public abstract class MariaDbCluster : ServerContainerDatabase, IHasPrimary, IReplicationLagSource
{
    public const int MariaDbPort = 3306;
    public const string User = "harness";
    public const string Password = "harness";
    public const string Schema = "harness";

    protected IProgress<string>? Progress { get; }

    public MariaDbClusterOptions Options { get; }

    /// <summary>Where the tmpfs data directory is mounted when <see cref="MariaDbClusterOptions.DataTmpfsMegabytes"/> is
    /// set (the entry script fills it with the data directory initialised in the image before the server starts).</summary>
    public const string TmpfsDataDirectory = "/var/lib/mysql-tmpfs";

    /// <summary>How long <see cref="SetupAsync"/> waits for replication to be healthy.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>From the first container start to the first healthy check, once <see cref="SetupAsync"/> succeeded.</summary>
    public TimeSpan? TimeToHealthy { get; private set; }

    /// <summary>How clients reach the nodes (every node takes reads and writes).</summary>
    public MariaDbEndpoints Endpoints => new(ConnectionString, Nodes);

    protected MariaDbCluster(MariaDbClusterOptions options, string kind, string nodePrefix, IProgress<string>? progress)
        : base(NewContainers(options, kind, nodePrefix), new ServerFaultSettings("mariadbd", "mysql", TmpfsDataDirectory, options.DataTmpfsMegabytes, options.Faketime))
    {
        Options = options;
        Progress = progress;
    }

    private static ContainerCluster NewContainers(MariaDbClusterOptions options, string kind, string nodePrefix)
    {
        if (options.Nodes < 1) throw new ArgumentException("a cluster needs at least one node", nameof(options));
        return new ContainerCluster(options.RunId, kind, Enumerable.Range(1, options.Nodes).Select(i => $"{nodePrefix}{i}").ToList(), MariaDbPort);
    }

    /// <summary>Builds the base, tool and MariaDB images if (and only if) their recipes changed.</summary>
    public static Task EnsureImagesAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        MariaDbImage.EnsureAsync(baseImage, progress, cancellationToken);

    /// <summary>MySqlConnector connection string for a node, through its fixed port on 127.0.0.1, with short timeouts.</summary>
    public string ConnectionString(string node) => new MySqlConnectionStringBuilder
    {
        Server = Containers.Host,
        Port = (uint)Containers.HostPort(node),
        UserID = User,
        Password = Password,
        Database = Schema,
        ConnectionTimeout = 2,
        DefaultCommandTimeout = 5,
        CancellationTimeout = -1,
        Pooling = false,
        SslMode = MySqlSslMode.None,
        UseAffectedRows = true,
    }.ConnectionString;

    public override async Task SetupAsync(CancellationToken cancellationToken)
    {
        var image = await MariaDbImage.EnsureAsync(Options.BaseImage, Progress, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Containers.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
        await StartNodesAsync(image, cancellationToken).ConfigureAwait(false);
        await WaitHealthyAsync(HealthTimeout, cancellationToken).ConfigureAwait(false);
        TimeToHealthy = clock.Elapsed;
        Progress?.Report($"{Containers.Name} cluster ({Nodes.Count} nodes) healthy in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Waits until <see cref="HealthProblemAsync"/> reports nothing; throws with what is still missing.</summary>
    public Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilHealthyAsync($"{Containers.Name} cluster", timeout, TimeSpan.FromMilliseconds(250), HealthProblemAsync, cancellationToken);

    /// <summary>Null when the cluster is healthy, otherwise what is missing (one clause per node).</summary>
    public abstract Task<string?> HealthProblemAsync(CancellationToken cancellationToken);

    public abstract Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken);

    /// <summary>The first node (gal1/mm1 first) that accepts writes right now; null if none does.</summary>
    public virtual async Task<string?> PrimaryAsync(CancellationToken cancellationToken)
    {
        foreach (var node in Nodes)
            if (await AcceptsWritesAsync(node, cancellationToken).ConfigureAwait(false)) return node;
        return null;
    }

    /// <summary>Whether a node would take a write now (answers within a second and, for Galera, is ready).</summary>
    protected abstract Task<bool> AcceptsWritesAsync(string node, CancellationToken cancellationToken);

    /// <summary>Creates the network-facing users and the <c>harness</c> database and wires the nodes together.</summary>
    protected abstract Task StartNodesAsync(string image, CancellationToken cancellationToken);

    /// <summary>The container of one node; <paramref name="extra"/> adds mode-specific environment.</summary>
    protected ContainerSpec Spec(string node, string image, string mode, IReadOnlyDictionary<string, string> extra)
    {
        var index = Nodes.ToList().IndexOf(node) + 1;
        var environment = new Dictionary<string, string>(extra)
        {
            ["HARNESS_MODE"] = mode,
            ["HARNESS_NODE"] = node,
            ["HARNESS_IP"] = Containers.Ip(node),
            ["HARNESS_SERVER_ID"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HARNESS_NODE_COUNT"] = Nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (Options.Faketime)
        {
            environment["HARNESS_FAKETIME_ENV"] = Faketime.EnvArguments;
            environment["HARNESS_FAKETIME_FILE"] = Faketime.OffsetFile;
        }
        if (Options.DataTmpfsMegabytes <= 0) return new ContainerSpec(node, image, environment);
        environment["HARNESS_DATA_TMPFS"] = TmpfsDataDirectory;
        return new ContainerSpec(node, image, environment, DiskFill.RunArguments(TmpfsDataDirectory, Options.DataTmpfsMegabytes));
    }

    /// <summary>The SQL that creates the client user and database; <c>IF NOT EXISTS</c> makes it safe to repeat.</summary>
    protected static string ClientUserSql =>
        $"CREATE USER IF NOT EXISTS '{User}'@'%' IDENTIFIED BY '{Password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'%'; " +
        $"CREATE DATABASE IF NOT EXISTS {Schema};";
}
