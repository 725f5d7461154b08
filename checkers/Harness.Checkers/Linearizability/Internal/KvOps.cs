using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>Names and string semantics shared by the kv models.</summary>
internal static class KvOps
{
    public static int Code(string f) => f switch
    {
        "get" or "read" or "r" => KvCellModel.Get,
        "put" or "write" or "w" => KvCellModel.Put,
        "append" => KvCellModel.Append,
        _ => -1,
    };

    /// <summary>The string a value contributes to an append: a missing value is empty.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        _ => ValueText.Format(value),
    };
}
