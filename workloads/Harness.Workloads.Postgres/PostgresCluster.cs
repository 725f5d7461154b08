using System.Diagnostics;
using Harness.Core.Databases;
using Harness.Core.Faults;
using Harness.Docker;
using Harness.Workloads.Postgres.Internal;
using Npgsql;

namespace Harness.Workloads.Postgres;

/// <summary>
/// A PostgreSQL 15 streaming-replication cluster in Docker: pg1 starts as the primary, pg2..pgN are hot standbys that
/// were cloned from it with pg_basebackup and stream WAL through their own replication slots. A failover
/// (<see cref="FailoverAsync"/>) makes another node the primary; <see cref="Primary"/> always names the current one. The replication
/// mode sets <c>synchronous_standby_names</c> (see <see cref="PostgresClusterOptions"/>). Clients on the host reach
/// each node at <see cref="ConnectionString"/>, whose port survives kill and restart. Faults (kill, pause,
/// iptables partitions, nfqdelay link delays) are those of the underlying <see cref="ContainerCluster"/>.
/// </summary>
public sealed partial class PostgresCluster : ServerContainerDatabase, IHasPrimary, IReplicationLagSource, IPromotable, IDelayable
{
    public const int PostgresPort = 5432;

    private readonly IProgress<string>? progress;

    public PostgresClusterOptions Options { get; }

    /// <summary>PGDATA inside the node.</summary>
    public const string DataDirectory = "/var/lib/postgresql/data";
    private volatile string primary = "pg1";

    /// <summary>The node that is the primary now: pg1 until a failover promotes another.</summary>
    public string Primary => primary;

    /// <summary>Every node but the primary (a fenced old primary included: it is down until it rejoins).</summary>
    public IReadOnlyList<string> Standbys => Nodes.Where(n => n != primary).ToList();

    /// <summary>How long <see cref="SetupAsync"/> waits for replication to be healthy.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public PostgresCluster(PostgresClusterOptions options, IProgress<string>? progress = null)
        : base(NewContainers(options), new ServerFaultSettings("the postgres servers", "postgres", DataDirectory, options.DataTmpfsMegabytes, options.Faketime))
    {
        Options = options;
        this.progress = progress;
    }

    private static ContainerCluster NewContainers(PostgresClusterOptions options)
    {
        if (options.Nodes < 1) throw new ArgumentException("a cluster needs at least one node", nameof(options));
        _ = options.SynchronousStandbyNames(); // validates the replication mode
        return new ContainerCluster(options.RunId, "postgres", Enumerable.Range(1, options.Nodes).Select(i => $"pg{i}").ToList(), PostgresPort);
    }

    /// <summary>Builds the base, tool and PostgreSQL images if (and only if) their recipes changed.</summary>
    public static Task EnsureImagesAsync(string baseImage, IProgress<string>? progress, CancellationToken cancellationToken) =>
        PostgresImage.EnsureAsync(baseImage, progress, cancellationToken);

    /// <summary>Npgsql connection string for a node, through its published port (127.0.0.1 with a local engine).
    /// Without pooling every operation's process opens its own connection, so Npgsql's type-loading query (a catalogue
    /// scan per connection) is skipped: the built-in types are all the workloads use, and on a loaded machine that
    /// query alone pushed connection set-up past the connect timeout for whole runs.</summary>
#pragma warning disable CS0618 // still honoured; the data-source builder would replace plain connection strings everywhere
    public string ConnectionString(string node) => new NpgsqlConnectionStringBuilder
    {
        Host = Containers.Host,
        ServerCompatibilityMode = ServerCompatibilityMode.NoTypeLoading,
        Port = Containers.HostPort(node),
        Username = "postgres",
        Database = "postgres",
        Timeout = 3,
        CommandTimeout = 5,
        Pooling = false,
    }.ConnectionString;
#pragma warning restore CS0618

    public override async Task SetupAsync(CancellationToken cancellationToken)
    {
        var image = await PostgresImage.EnsureAsync(Options.BaseImage, progress, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Containers.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
        await Containers.StartContainerAsync(Spec(Nodes[0], "primary", image), cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(Standbys.Select(s => Containers.StartContainerAsync(Spec(s, "standby", image), cancellationToken))).ConfigureAwait(false);
        await WaitHealthyAsync(HealthTimeout, cancellationToken).ConfigureAwait(false);
        await ApplyStandbySettingsAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report($"postgres cluster ({Options.Nodes} nodes, {Options.Replication}) healthy in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Waits until the primary streams to every standby and every standby is streaming; throws with what is missing.</summary>
    public Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilHealthyAsync("postgres cluster", timeout, TimeSpan.FromMilliseconds(250), DescribeHealthAsync, cancellationToken);

    public async Task<string?> PrimaryAsync(CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(Nodes.Select(n =>
            PostgresDialect.Query.TryRowsAsync(ConnectionString(n), "select not pg_is_in_recovery()", TimeSpan.FromSeconds(1), cancellationToken))).ConfigureAwait(false);
        var writable = Nodes.Where((_, i) => answers[i] is [[true]]).ToList();
        return writable.Contains(Primary) ? Primary : writable.FirstOrDefault();
    }

    public Task<IReadOnlyList<LagSample>> SampleLagAsync(long timeNs, CancellationToken cancellationToken) =>
        WithHeartbeatAsync(SampleLagByTopologyAsync(timeNs, cancellationToken), cancellationToken);

    /// <summary>Starts a killed node; an old primary fenced by a failover is instead rejoined as a standby (a plain
    /// start would make it a second primary).</summary>
    public override async Task StartAsync(string node, CancellationToken cancellationToken)
    {
        if (Fenced.Contains(node)) await RejoinAsync(cancellationToken).ConfigureAwait(false);
        else await Containers.StartAsync(node, cancellationToken).ConfigureAwait(false);
    }

    public Task DelayAsync(string node, IReadOnlyList<string>? fromNodes, int delayMs, int jitterMs, CancellationToken cancellationToken) =>
        Containers.DelayAsync(node, fromNodes, delayMs, jitterMs, cancellationToken);

    public Task ClearDelaysAsync(CancellationToken cancellationToken) => Containers.ClearDelaysAsync(cancellationToken);

    public override async Task TeardownAsync(CancellationToken cancellationToken)
    {
        await StopHeartbeatAsync().ConfigureAwait(false);
        await Containers.TeardownAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await StopHeartbeatAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private ContainerSpec Spec(string node, string role, string image)
    {
        var environment = new Dictionary<string, string>
        {
            ["HARNESS_ROLE"] = role,
            ["HARNESS_NODE"] = node,
            ["HARNESS_PRIMARY"] = Containers.Ip(Upstream(node)),
            ["HARNESS_SYNC_NAMES"] = Options.SynchronousStandbyNames(),
        };
        if (Options.Faketime)
        {
            environment["HARNESS_FAKETIME_ENV"] = Faketime.EnvArguments;
            environment["HARNESS_FAKETIME_FILE"] = Faketime.OffsetFile;
        }
        List<string> run = ["--shm-size", "128m"];
        if (Options.DataTmpfsMegabytes > 0) run.AddRange(DiskFill.RunArguments(DataDirectory, Options.DataTmpfsMegabytes));
        return new ContainerSpec(node, image, environment, run);
    }
}
