using Harness.Core.Testing;

namespace Harness.Workloads.Swift.Workloads;

/// <summary>
/// Which proxy coordinates a request (<c>--coordinator</c>): <c>local</c> the process's own node, <c>random</c>
/// any node per request (seeded per process), <c>fixed</c> always the first node; and how reads are made
/// (<c>--read-mode</c>): <c>one</c> replica, as Swift does by default, or <c>newest</c> (<c>X-Newest</c>: every primary, newest timestamp wins).
/// </summary>
public sealed class SwiftEndpoints(SwiftCluster cluster, TestSpec test)
{
    public SwiftCluster Cluster => cluster;
    public bool ReadNewest { get; } = test.DatabaseOptions.Text("read-mode") == "newest";
    private readonly string coordinator = test.DatabaseOptions.Text("coordinator");

    /// <summary>A chooser for one process; call it once per request.</summary>
    public Func<string> Chooser(ClientContext context)
    {
        var random = new Random(unchecked((int)(test.Seed ^ (context.Process * 7919L))));
        return coordinator switch
        {
            "random" => () => cluster.Nodes[random.Next(cluster.Nodes.Count)],
            "fixed" => () => cluster.Nodes[0],
            _ => () => context.Node,
        };
    }
}
