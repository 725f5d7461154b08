using Harness.Check;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Lab;

namespace Harness.Core.Tests.Check;

/// <summary>A check host for history files only, with every registered workload: the check verb run in process.</summary>
internal sealed class FileCheckHost : ICheckHost
{
    public IReadOnlyList<IWorkloadModule> Workloads => HarnessModules.Registry.Workloads;

    public IWorkloadModule? Workload(string name) => Workloads.FirstOrDefault(w => w.Name == name);

    public string? RunDirectory(string target) => null;

    public TestSpec? FindTest(string directory) => null;

    public IChecker WithDatabaseCheckers(TestSpec test, IChecker checker, string runDirectory) => checker;

    public IReadOnlyList<string> Rewrite(string runDirectory, TestSpec test, CheckResult result, TimeSpan elapsed) => [];
}
