using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>The one-line text of the runner's live status.</summary>
internal static class ProgressText
{
    public static string Of(RunProgress r) =>
        $"{r.Phase}: {r.Elapsed.TotalSeconds:0.0} s, ok {r.Ok}, fail {r.Fail}, info {r.Info}" + (r.ActiveFault is null ? "" : $", fault: {r.ActiveFault}");
}
