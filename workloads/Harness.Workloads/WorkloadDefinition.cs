using Harness.Core.Checking;
using Harness.Core.Generators;

namespace Harness.Workloads;

/// <summary>
/// The database-neutral half of a workload: what to issue during the run, what to issue after healing, and how
/// to check the history. A database package adds the other half, a client that speaks its protocol, and the two
/// are composed by <see cref="ComposedWorkload"/> (packages compose, they are not subclassed).
/// </summary>
public sealed record WorkloadDefinition(
    string Name,
    Func<IGenerator> Generator,
    Func<IGenerator?> FinalGenerator,
    Func<IChecker> Checker,
    IReadOnlyDictionary<string, string> CheckerOptions);
