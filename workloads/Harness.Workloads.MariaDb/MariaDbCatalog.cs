using Harness.Core.Databases;
using Harness.Core.Testing;
using Harness.Workloads.MariaDb.Workloads;

namespace Harness.Workloads.MariaDb;

/// <summary>
/// The MariaDB package by name, for the CLI's catalogues: databases <c>galera</c> (Galera 4, <c>--nodes</c>
/// members, 3 by default) and <c>mariadb-multi</c> (two asynchronous leaders, always 2 nodes), and workloads
/// <c>register</c>, <c>set</c> and <c>list-append</c>, whose clients all use their own node.
/// </summary>
public static class MariaDbCatalog
{
    public static IReadOnlyList<string> Databases { get; } = ["galera", "mariadb-multi"];

    public static IReadOnlyList<string> Workloads { get; } = ["register", "set", "list-append"];

    public static bool Handles(string database) => Databases.Contains(database);

    public static Task EnsureImagesAsync(TestSpec test, IProgress<string> progress, CancellationToken ct) =>
        MariaDbImage.EnsureAsync(test.BaseImage, progress, ct);

    public static IDatabase Database(TestSpec test, string runId, IProgress<string>? progress = null) => test.Database switch
    {
        "galera" => new GaleraCluster(new MariaDbClusterOptions(test.Nodes, runId, test.BaseImage), progress),
        "mariadb-multi" => new MultiLeaderCluster(new MariaDbClusterOptions(2, runId, test.BaseImage), progress),
        _ => throw new ArgumentException($"unknown MariaDB database '{test.Database}'; use one of: {string.Join(", ", Databases)}"),
    };

    public static IWorkload Workload(TestSpec test, IDatabase db)
    {
        var endpoints = db is MariaDbCluster cluster
            ? cluster.Endpoints
            : throw new ArgumentException($"a MariaDB workload needs a MariaDB cluster, not {db.GetType().Name}", nameof(db));
        return test.Workload switch
        {
            "register" => RegisterWorkload.Create(test, endpoints),
            "set" => SetWorkload.Create(endpoints),
            "list-append" => ListAppendWorkload.Create(test, endpoints),
            _ => throw new ArgumentException($"unknown workload '{test.Workload}'; use one of: {string.Join(", ", Workloads)}"),
        };
    }
}
