namespace Harness.Core.History;

/// <summary>
/// One entry of a history. <see cref="Time"/> is monotonic nanoseconds since the run started; <see cref="Process"/>
/// is the logical client (a process that saw Info is retired and never reused) or <see cref="NemesisProcess"/>.
/// <see cref="Value"/> follows Jepsen's conventions and is built only from <c>null</c>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, <see cref="Keyword"/>,
/// <c>IReadOnlyList&lt;object?&gt;</c> and <c>IReadOnlyDictionary&lt;string, object?&gt;</c>:
/// a register's read / write / cas carry null / int / [old, new]; a keyed ("independent") operation carries
/// [key, value]; a transaction carries a list of micro-ops such as ["append", "x", 1] or ["r", "x", [1, 2]].
/// </summary>
public sealed record Op(
    long Index,
    long Time,
    OpType Type,
    int Process,
    string F,
    object? Value = null,
    string? Node = null,
    string? Error = null)
{
    /// <summary>The process number used for the nemesis, written as "nemesis" in files.</summary>
    public const int NemesisProcess = -1;

    public bool IsNemesis => Process == NemesisProcess;
    public bool IsInvoke => Type == OpType.Invoke;
    public bool IsOk => Type == OpType.Ok;
    public bool IsFail => Type == OpType.Fail;
    public bool IsInfo => Type == OpType.Info;

    /// <summary>Seconds since the start of the run, for plots and reports.</summary>
    public double Seconds => Time / 1e9;

    public override string ToString() =>
        $"{Index} {Seconds:0.000}s {(IsNemesis ? "nemesis" : Process.ToString())} {Type.ToString().ToLowerInvariant()} {F} {ValueText.Format(Value)}" +
        (Error is null ? "" : $" ({Error})");
}
