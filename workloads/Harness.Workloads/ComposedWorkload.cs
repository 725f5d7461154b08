using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Testing;

namespace Harness.Workloads;

/// <summary>A workload definition joined with a database's client and its schema setup.</summary>
public sealed class ComposedWorkload(WorkloadDefinition definition, Func<ClientContext, IClient> openClient, Func<CancellationToken, Task> setup)
    : IWorkload, IWorkloadSetup
{
    public string Name => definition.Name;

    public IReadOnlyDictionary<string, string> CheckerOptions => definition.CheckerOptions;

    public IClient OpenClient(ClientContext context) => openClient(context);

    public IGenerator Generator() => definition.Generator();

    public IGenerator? FinalGenerator() => definition.FinalGenerator();

    public IChecker Checker() => definition.Checker();

    public Task SetupAsync(CancellationToken cancellationToken) => setup(cancellationToken);
}
