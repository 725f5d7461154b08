using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>
/// The database-neutral half of a workload (Jepsen's workload map): its options, what to issue during the run,
/// what to issue after healing, and how to check the history. A database module supplies the other half, the
/// client, and the two are joined by name.
/// </summary>
public interface IWorkloadModule
{
    /// <summary>The value of <c>--workload</c>.</summary>
    string Name { get; }

    string Summary { get; }

    IReadOnlyList<OptionDef> Options { get; }

    IGenerator Generator(TestSpec test);

    /// <summary>Operations issued after healing and recovery (e.g. a final read by every process), or null.</summary>
    IGenerator? FinalGenerator(TestSpec test);

    IChecker Checker(TestSpec test);

    /// <summary>Options the checker reads (model, consistency model, ...), stored with results so a history can be re-checked.</summary>
    IReadOnlyDictionary<string, string> CheckerOptions(TestSpec test);
}
