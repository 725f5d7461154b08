using System.Collections.Concurrent;
using Harness.Core.Databases;
using Harness.Core.History;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Cli.Bench;

/// <summary>
/// A "database" that lives inside the harness process, for benchmarking the harness itself (runner, recorder,
/// checkers, report) without a cluster: a map of atomic registers answering read / write / cas at once. It is
/// never registered in <see cref="Lab.HarnessModules"/>, so users cannot pick it; only <c>harness bench</c> builds a
/// registry holding it. Being atomic, it must always check as linearizable.
/// </summary>
internal sealed class InMemoryRegisterModule : IDatabaseModule
{
    public const string ModuleName = "in-memory";

    public string Name => ModuleName;
    public string Summary => "in-process atomic registers (benchmarks of the harness only)";
    public IReadOnlyList<OptionDef> Options { get; } = [];
    public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>();
    public IReadOnlyList<string> Workloads { get; } = ["register"];
    public NodeRange NodeCount { get; } = new(1, 9, 3);

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public IDatabase CreateCluster(TestSpec test, ModuleContext context) =>
        new Registers(Enumerable.Range(1, test.NodeCount).Select(i => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test) => new(_ => new Client((Registers)cluster));

    private sealed class Registers(IReadOnlyList<string> nodes) : IDatabase
    {
        public ConcurrentDictionary<long, long> Values { get; } = new();
        public IReadOnlyList<string> Nodes => nodes;
        public Task SetupAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CollectLogsAsync(string directory, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task TeardownAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Client(Registers db) : IClient
    {
        public Task<Completion> InvokeAsync(Op invocation, CancellationToken ct)
        {
            var kv = (IReadOnlyList<object?>)invocation.Value!;
            var key = Convert.ToInt64(kv[0], System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(invocation.F switch
            {
                "read" => Completion.Ok(new object?[] { key, db.Values.TryGetValue(key, out var v) ? v : null }),
                "write" => Write(key, Convert.ToInt64(kv[1], System.Globalization.CultureInfo.InvariantCulture), invocation.Value),
                "cas" => Cas(key, (IReadOnlyList<object?>)kv[1]!, invocation.Value),
                _ => Completion.Fail(invocation.Value, "unknown operation " + invocation.F),
            });
        }

        private Completion Write(long key, long value, object? echo)
        {
            db.Values[key] = value;
            return Completion.Ok(echo);
        }

        private Completion Cas(long key, IReadOnlyList<object?> pair, object? echo) =>
            pair[0] is long expected && db.Values.TryUpdate(key, Convert.ToInt64(pair[1], System.Globalization.CultureInfo.InvariantCulture), expected)
                ? Completion.Ok(echo)
                : Completion.Fail(echo, "cas: value differs");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
