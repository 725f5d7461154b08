using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.Postgres.Faults;

/// <summary>
/// <c>add-replica</c> (PostgreSQL only): replaces the last standby by a brand-new one cloned with pg_basebackup while
/// the workload keeps writing (see <see cref="PostgresCluster.AddReplicaAsync"/>): the article's "setting up new
/// followers" (a consistent snapshot, then the log since that snapshot). The start step records the data size
/// (<c>data-mb</c>), how long the clone took until the new standby streamed (<c>clone-s</c>) and how long it then
/// needed to replay up to the primary's position (<c>catch-up-s</c>). Option <c>pad-mb</c> first grows the database
/// by that many MiB (once per run), so runs can compare clone time against data size.
/// </summary>
public sealed class AddReplicaFault : IFaultModule
{
    public string Name => "add-replica";
    public string Summary => "PostgreSQL: clone a new standby with pg_basebackup under write load; records data size, clone time and catch-up time";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Lag, Capability.Failover };
    public IReadOnlyList<OptionDef> Options { get; } =
        [OptionDef.Integer("pad-mb", "Grow the database by this many MiB before the first clone (0: as the workload left it)", 0, 0, 4096)];
    public string Colour => "#b6992d";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => null;

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new AddReplicaNemesis(cluster as PostgresCluster ?? throw new InvalidOperationException("the add-replica fault runs on postgres only"),
            (int)options.Integer("pad-mb"));

    private sealed class AddReplicaNemesis(PostgresCluster cluster, int padMb) : INemesis
    {
        public IReadOnlyList<string> Faults { get; } = ["add-replica"];

        /// <summary>Padding, a clone and its catch-up each wait up to 10 min on a loaded machine.</summary>
        public TimeSpan? StepTimeout => TimeSpan.FromMinutes(25);

        public async Task<object?> InvokeAsync(string f, object? value, CancellationToken ct) => f switch
        {
            "start-add-replica" => await cluster.AddReplicaAsync(padMb, ct).ConfigureAwait(false),
            "stop-add-replica" => "the new standby stays",
            _ => throw new ArgumentException($"the add-replica nemesis does not handle {f}"),
        };

        public Task HealAllAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
