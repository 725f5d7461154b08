using Harness.Checkers.Stats.Internal;
using Harness.Core.Checking;
using Harness.Core.History;

namespace Harness.Checkers.Stats;

/// <summary>
/// Describes a history rather than judging it: client operations counted by outcome (ok / fail / info / open)
/// overall, per function (<c>f</c>) and per node; latency percentiles of Ok operations; Ok throughput; and how many
/// times each fault was injected. Like Jepsen's <c>stats</c> checker, it raises one alarm: a function that never
/// once succeeded means the test exercised nothing there (the database was down, or the client is broken), so the
/// verdict is unknown; otherwise valid. Stats keys are kebab-case: "ok", "latency-p99-ms", "read.ok",
/// "node.pg1.fail", "fault.partition". A whole history and a streamed one take the same single pass
/// (<c>StatsStream</c>), so their answers cannot differ.
/// </summary>
public sealed class StatsChecker : IStreamingChecker
{
    public string Name => "stats";

    public CheckResult Check(History history, CheckContext context)
    {
        var stream = new StatsStream();
        foreach (var op in history.Ops) stream.Add(op);
        return stream.Finish();
    }

    public IStreamingCheck Begin(CheckContext context) => new StatsStream();
}
