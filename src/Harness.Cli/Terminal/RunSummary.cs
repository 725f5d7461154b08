using Harness.Check;
using Harness.Core.Checking;
using Harness.Lab;

namespace Harness.Cli.Terminal;

/// <summary>The short coloured summary printed at the end of a run (the same as a check's, <see cref="CheckSummary"/>).</summary>
internal static class RunSummary
{
    /// <summary>The summary of a finished run.</summary>
    public static void Print(RunResult run) =>
        CheckSummary.Print(run.Test, run.Counts.Operations, run.Counts.Ok, run.Counts.Fail, run.Counts.Faults, run.Result, run.Timings.Total, run.Paths.All);

    public static string Badge(Validity v) => CheckSummary.Badge(v);
}
