using Harness.Core.Checking;
using Harness.Core.Generators;
using Harness.Core.Testing;

namespace Harness.Core.Modules;

/// <summary>A workload module joined with a database's client for it, for one test (packages compose by name,
/// they are not subclassed).</summary>
public sealed class ComposedWorkload(IWorkloadModule workload, WorkloadClient client, TestSpec test) : IWorkload, IWorkloadSetup
{
    public string Name => workload.Name;

    public IReadOnlyDictionary<string, string> CheckerOptions => workload.CheckerOptions(test);

    public IClient OpenClient(ClientContext context) => client.Open(context);

    public IGenerator Generator() => workload.Generator(test);

    public IGenerator? FinalGenerator() => workload.FinalGenerator(test);

    public IChecker Checker() => workload.Checker(test);

    public Task SetupAsync(CancellationToken cancellationToken) => client.Setup?.Invoke(cancellationToken) ?? Task.CompletedTask;
}
