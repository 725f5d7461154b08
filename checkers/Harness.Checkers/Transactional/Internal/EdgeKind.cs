namespace Harness.Checkers.Transactional.Internal;

/// <summary>
/// Why one transaction must precede another in any serial order that explains the history. The three data
/// dependencies are Adya's: ww (T2 overwrote T1's version), wr (T2 read T1's version), rw (T1 read a version that
/// T2 overwrote: an anti-dependency). Process edges order a client's own transactions; realtime edges order a
/// transaction that completed before another was invoked. Flags, so a search can allow a set of kinds at once.
/// </summary>
[Flags]
internal enum EdgeKind : byte
{
    None = 0,
    WW = 1,
    WR = 2,
    RW = 4,
    Process = 8,
    Realtime = 16,
    Data = WW | WR | RW,
    All = Data | Process | Realtime,
}

internal static class EdgeKindNames
{
    public static string Short(EdgeKind k) => k switch
    {
        EdgeKind.WW => "ww",
        EdgeKind.WR => "wr",
        EdgeKind.RW => "rw",
        EdgeKind.Process => "process",
        EdgeKind.Realtime => "realtime",
        _ => k.ToString().ToLowerInvariant(),
    };
}
