using Harness.Cli.Bench;
using Harness.Core.Databases;
using Harness.Core.Modules;
using Harness.Core.Testing;

namespace Harness.Core.Tests.Reliability;

/// <summary>The in-process atomic registers (always linearizable) under another name, whose cluster fails to go away
/// the way a loaded Docker Engine fails: the runner's teardown and then the dispose throw <paramref name="failures"/>
/// times in all (a container removal that timed out), or setup throws <paramref name="setupFailure"/>.</summary>
internal sealed class FlakyTeardownModule(string name, int failures, Exception? setupFailure = null) : IDatabaseModule
{
    private readonly InMemoryRegisterModule _inner = new();
    private readonly Dictionary<IDatabase, IDatabase> _innerOf = [];
    private int _failuresLeft = failures;

    public List<string> Calls { get; } = [];
    public Exception? SetupFailure => setupFailure;
    public string Name => name;
    public string Summary => "registers whose teardown fails";
    public IReadOnlyList<OptionDef> Options => _inner.Options;
    public IReadOnlySet<string> Capabilities => _inner.Capabilities;
    public IReadOnlyList<string> Workloads => _inner.Workloads;
    public NodeRange NodeCount => _inner.NodeCount;

    public Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public IDatabase CreateCluster(TestSpec test, ModuleContext context)
    {
        var inner = _inner.CreateCluster(test, context);
        var cluster = new Cluster(this, inner);
        _innerOf[cluster] = inner;
        return cluster;
    }

    public WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test) => _inner.ClientFor(workload, _innerOf[cluster], test);

    private Task FailOrRemoveAsync(string call)
    {
        Calls.Add(call);
        if (_failuresLeft <= 0) return Task.CompletedTask;
        _failuresLeft--;
        throw new TimeoutException("`rm -f -v harness-x-n1` did not finish within 90 s (Docker Engine API at unix:///var/run/docker.sock)");
    }

    private sealed class Cluster(FlakyTeardownModule module, IDatabase inner) : IDatabase
    {
        public IReadOnlyList<string> Nodes => inner.Nodes;
        public Task SetupAsync(CancellationToken cancellationToken) => module.SetupFailure is { } e ? throw e : Task.CompletedTask;
        public Task CollectLogsAsync(string directory, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task TeardownAsync(CancellationToken cancellationToken) => module.FailOrRemoveAsync("teardown");
        public async ValueTask DisposeAsync() => await module.FailOrRemoveAsync("dispose").ConfigureAwait(false);
    }
}
