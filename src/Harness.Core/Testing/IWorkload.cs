using Harness.Core.Checking;
using Harness.Core.Generators;

namespace Harness.Core.Testing;

/// <summary>
/// A workload package (Jepsen's composition of maps, not a class hierarchy): how to open a client for a
/// process on a node, what operations to issue during the run, what to issue once faults are healed, and how
/// to check the result.
/// </summary>
public interface IWorkload
{
    string Name { get; }

    IClient OpenClient(ClientContext context);

    IGenerator Generator();

    /// <summary>Operations issued after healing and recovery (e.g. a final read on every process), or null.</summary>
    IGenerator? FinalGenerator();

    IChecker Checker();

    /// <summary>Options the checker needs to re-check a stored history (model, independent keys, ...).</summary>
    IReadOnlyDictionary<string, string> CheckerOptions { get; }
}

/// <summary>Which process a client serves and where it connects.</summary>
public sealed record ClientContext(int Process, string Node, TestSpec Test);
