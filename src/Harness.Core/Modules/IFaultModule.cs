using Harness.Core.Databases;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>
/// A fault as one package (Jepsen's nemesis packages in <c>nemesis/combined.clj</c>): its name (<c>--nemesis</c>
/// value), the capabilities it needs, its options, the colour its windows have in every report, a seeded choice of
/// target for each start, and the nemesis that carries it out on a cluster.
/// </summary>
public interface IFaultModule
{
    string Name { get; }

    string Summary { get; }

    /// <summary>Capability names the database must offer (see <see cref="Capability"/>).</summary>
    IReadOnlySet<string> Requires { get; }

    IReadOnlyList<OptionDef> Options { get; }

    /// <summary>Report colour, e.g. <c>#4e79a7</c>.</summary>
    string Colour { get; }

    /// <summary>The value of one <c>start-NAME</c> op (e.g. a partition shape or a node), chosen with the seeded random source.</summary>
    object? Target(IReadOnlyList<string> nodes, ModuleOptions options, Random random);

    /// <summary>The nemesis for this fault on <paramref name="cluster"/> (which offers every capability in <see cref="Requires"/>).</summary>
    INemesis Create(IDatabase cluster, TestSpec test, ModuleOptions options);
}
