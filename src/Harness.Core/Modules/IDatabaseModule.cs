using Harness.Core.Databases;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>
/// A database as one package (after testcontainers-dotnet's one project per module and Jepsen's db namespaces):
/// its name and help, its options, the capabilities its clusters offer, the workloads it has clients for, how to
/// build its images, how to create a cluster, and its client for each workload. Registered once; everything the
/// CLI and the runner know about a database comes from here.
/// </summary>
public interface IDatabaseModule
{
    /// <summary>The value of <c>--database</c>, e.g. <c>postgres</c>.</summary>
    string Name { get; }

    /// <summary>One sentence for <c>--help</c> and the README.</summary>
    string Summary { get; }

    IReadOnlyList<OptionDef> Options { get; }

    /// <summary>Names from <see cref="Capability"/>; the cluster type must implement each one.</summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>Workload names this database has clients for.</summary>
    IReadOnlyList<string> Workloads { get; }

    /// <summary>Cluster sizes allowed, and the size when <c>--nodes</c> is not given.</summary>
    NodeRange NodeCount { get; }

    /// <summary>Workload option values this database needs unless the user sets them (e.g. a store without
    /// compare-and-set turns the register workload's <c>cas</c> off); applied before the workload's own defaults.</summary>
    IReadOnlyDictionary<string, string> WorkloadDefaults(string workload) => new Dictionary<string, string>();

    /// <summary>Checks combinations of the (resolved) test that single options cannot; returns problems, or none.</summary>
    IEnumerable<string> Validate(TestSpec test) => [];

    /// <summary>The default test name suffix after the workload (e.g. PostgreSQL's replication mode), or null.</summary>
    string? NameSuffix(TestSpec test) => null;

    /// <summary>Builds the images this database needs, if their recipes changed.</summary>
    Task EnsureImagesAsync(ModuleContext context, CancellationToken cancellationToken);

    /// <summary>A cluster object for the test (not yet started; the runner calls <see cref="IDatabase.SetupAsync"/>).</summary>
    IDatabase CreateCluster(TestSpec test, ModuleContext context);

    /// <summary>This database's half of a workload: clients and an optional setup (tables, initial rows).</summary>
    WorkloadClient ClientFor(string workload, IDatabase cluster, TestSpec test);
}

/// <summary>Allowed cluster sizes.</summary>
public readonly record struct NodeRange(int Min, int Max, int Default)
{
    public bool Contains(int n) => n >= Min && n <= Max;

    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}-{Max}";
}

/// <summary>A database's client for one workload: how to open a client for a process, and what to prepare once
/// the cluster is healthy (null: nothing).</summary>
public sealed record WorkloadClient(Func<ClientContext, IClient> Open, Func<CancellationToken, Task>? Setup = null);
