using static Harness.Core.Tests.Reports.SampleScenario;

namespace Harness.Core.Tests.Reports;

/// <summary>The checked-in sample runs, one per fault kind, each 20 s of a three-node PostgreSQL-like cluster
/// (pg1 primary at the start) with a fault invoked at 5 s and stopped at 13 s. Times and shapes follow real runs:
/// partition-failover cuts pg1 off for 3 s, then kills it and promotes pg2; its acknowledgements during isolation are lost.</summary>
internal static class SampleCatalog
{
    private static readonly string[] Standbys = ["pg2", "pg3"];

    public static IReadOnlyList<SampleScenario> All =>
    [
        new("partition-failover", "set",
        [
            new(5.0, 9.6, "start-partition-failover", null, Structured(
                "pg1 cut off from its standbys for 3 s, then: killed pg1; promoted pg2 (pg2 at 0/3000060, pg3 at 0/3000028) in 1.05 s; writable after 1.25 s",
                ["pg1"], Isolate("pg1", "pg2", "pg3"),
                Phase("isolation", 5.05, 8.05, "pg1"), Phase("kill", 8.05, 8.4, "pg1"), Phase("promotion", 8.4, 9.1, "pg2"), Phase("writable", 9.1, 9.3, "pg2"))),
            new(13.0, 14.6, "stop-partition-failover", null, "network healed; pg1 rejoined as standby of pg2 (pg_rewind) and streaming after 1.52 s"),
        ], t => t < 9.1 ? "pg1" : "pg2",
        (t, n) => t < 9.1
            ? n == "pg1" ? null : t is > 8.05 and < 9.1 ? Missing(t, n, "primary-unreachable") : Streaming(t, n, 5.05, 120)
            : n == "pg2" ? null : n == "pg1" ? (t < 14.6 ? Missing(t, n, "unreachable") : Streaming(t, n)) : Streaming(t, n),
        t => t is > 8.05 and < 9.3, t => t is > 5.05 and < 8.05),
        new("partition", "register",
        [
            new(5.0, 5.2, "start-partition", new object?[] { "isolate", "pg3" }, Structured("pg3 | pg1 pg2", ["pg3"], Isolate("pg3", "pg1", "pg2"))),
            new(13.0, 13.15, "stop-partition", null, "network healed"),
        ], _ => "pg1", (t, n) => n == "pg1" ? null : n == "pg3" && t is > 5.2 and < 13.15 ? (t < 7 ? Streaming(t, n, 5.2, 300) : Missing(t, n)) : Streaming(t, n),
        _ => false, _ => false),
        new("kill", "set",
        [
            new(5.0, 5.3, "start-kill", "pg3", Structured("kill pg3", ["pg3"])),
            new(13.0, 14.1, "stop-kill", null, "kill ended on pg3"),
        ], _ => "pg1", (t, n) => n == "pg1" ? null : n == "pg3" && t is > 5.3 and < 14.1 ? Missing(t, n, "unreachable") : Streaming(t, n),
        _ => false, _ => false),
        new("pause", "set",
        [
            new(5.0, 5.1, "start-pause", "pg2", Structured("pause pg2", ["pg2"])),
            new(13.0, 13.1, "stop-pause", null, "pause ended on pg2"),
        ], _ => "pg1", (t, n) => n == "pg1" ? null : n == "pg2" && t is > 5.1 and < 13.1 ? Missing(t, n, "unreachable") : Streaming(t, n),
        _ => false, _ => false),
        new("delay", "set",
        [
            new(5.0, 5.4, "start-delay", "standbys", Structured("pg2, pg3 receive from every peer 300 ± 30 ms late", Standbys)),
            new(13.0, 13.2, "stop-delay", null, "delays cleared"),
        ], _ => "pg1", (t, n) => n == "pg1" ? null : t is > 5.4 and < 13.2 ? Streaming(t, n, 5.4, 40) with { ReplayLagMs = 300 + (t - 5.4) * 20 } : Streaming(t, n),
        _ => false, _ => false),
        new("failover", "set",
        [
            new(5.0, 6.4, "start-failover", null, Structured("killed pg1; promoted pg2 (pg2 at 0/3000060, pg3 at 0/3000028) in 0.95 s; writable after 1.2 s", ["pg1"], null,
                Phase("kill", 5.02, 5.3, "pg1"), Phase("promotion", 5.3, 5.97, "pg2"), Phase("writable", 5.97, 6.2, "pg2"))),
            new(13.0, 14.4, "stop-failover", null, "pg1 rejoined as standby of pg2 (pg_rewind) and streaming after 1.38 s"),
        ], t => t < 5.97 ? "pg1" : "pg2",
        (t, n) => t < 5.97 ? (n == "pg1" ? null : t > 5.02 ? Missing(t, n, "primary-unreachable") : Streaming(t, n))
            : n == "pg2" ? null : n == "pg1" ? (t < 14.4 ? Missing(t, n, "unreachable") : Streaming(t, n)) : Streaming(t, n),
        t => t is > 5.02 and < 6.2, t => t is > 4.7 and < 5.02),
    ];
}
