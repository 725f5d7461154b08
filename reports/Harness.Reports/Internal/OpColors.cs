using Harness.Core.History;

namespace Harness.Reports.Internal;

/// <summary>How completions are coloured everywhere in the report: ok green, fail red, info amber.</summary>
internal static class OpColors
{
    public const string Ok = "#2ca02c";
    public const string Fail = "#d62728";
    public const string Info = "#e6a117";

    public static readonly OpType[] CompletionTypes = [OpType.Ok, OpType.Fail, OpType.Info];

    public static string HexOf(OpType t) => t switch
    {
        OpType.Ok => Ok,
        OpType.Fail => Fail,
        OpType.Info => Info,
        _ => "#7f7f7f",
    };

    public static string Name(OpType t) => t.ToString().ToLowerInvariant();
}
