using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Workloads.Postgres.Faults;

/// <summary>
/// <c>standby-long-read</c> (PostgreSQL only): a long REPEATABLE READ transaction on a standby while the primary
/// vacuums, for the fault's duration (see <see cref="PostgresCluster.StartLongReadAsync"/>). Whether replay waits
/// (lag grows) or the read is cancelled depends on the database options <c>hot-standby-feedback</c> and
/// <c>max-standby-streaming-delay-ms</c>; the stop step records the conflicts and the cancellation.
/// </summary>
public sealed class StandbyLongReadFault : IFaultModule
{
    public string Name => "standby-long-read";
    public string Summary => "PostgreSQL: hold a long REPEATABLE READ snapshot on a standby while the primary vacuums (replay lag or query cancellation)";
    public IReadOnlySet<string> Requires { get; } = new HashSet<string> { Capability.Lag, Capability.Failover };
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public string Colour => "#4b6d8f";

    public object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random) => null;

    public INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options) =>
        new LongReadNemesis(cluster as PostgresCluster ?? throw new InvalidOperationException("the standby-long-read fault runs on postgres only"));

    private sealed class LongReadNemesis(PostgresCluster cluster) : INemesis
    {
        public IReadOnlyList<string> Faults { get; } = ["standby-long-read"];

        public Task<object?> InvokeAsync(string f, object? value, CancellationToken ct) => f switch
        {
            "start-standby-long-read" => Boxed(cluster.StartLongReadAsync(ct)),
            "stop-standby-long-read" => Boxed(cluster.StopLongReadAsync(ct)),
            _ => throw new ArgumentException($"the standby-long-read nemesis does not handle {f}"),
        };

        public Task HealAllAsync(CancellationToken ct) => cluster.StopLongReadAsync(ct);

        private static async Task<object?> Boxed(Task<string> step) => await step.ConfigureAwait(false);
    }
}
