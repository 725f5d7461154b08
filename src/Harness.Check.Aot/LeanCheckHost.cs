using Harness.Check;
using Harness.Core.Checking;
using Harness.Core.Modules;
using Harness.Core.Testing;
using Harness.Workloads;

namespace Harness.Check.Aot;

/// <summary>The check verb's host in <c>harness-check</c>: history files only, with the checkers of the workloads in
/// Harness.Workloads (the registry in Harness.Lab names the same modules; a test pins that). Anything else is the
/// full CLI's (<see cref="FullCliNeededException"/>).</summary>
internal sealed class LeanCheckHost : ICheckHost
{
    public IReadOnlyList<IWorkloadModule> Workloads { get; } =
        [new RegisterWorkload(), new SetWorkload(), new ListAppendWorkload(), new RwRegisterWorkload()];

    public IWorkloadModule? Workload(string name) =>
        Workloads.FirstOrDefault(w => w.Name == name) ?? throw new FullCliNeededException($"--workload {name} is not built into harness-check");

    public string? RunDirectory(string target) =>
        Directory.Exists(target) || target == "latest" ? throw new FullCliNeededException($"{target} is a stored run") : null;

    public TestSpec? FindTest(string directory) =>
        File.Exists(Path.Combine(directory, "test.json")) ? throw new FullCliNeededException($"{directory} holds a stored run's test.json") : null;

    public IChecker WithDatabaseCheckers(TestSpec test, IChecker checker, string runDirectory) =>
        throw new FullCliNeededException("a stored run's database checkers");

    public IReadOnlyList<string> Rewrite(string runDirectory, TestSpec test, CheckResult result, TimeSpan elapsed) =>
        throw new FullCliNeededException("rewriting a stored run's report");
}
