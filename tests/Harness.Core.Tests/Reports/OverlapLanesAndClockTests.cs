using System.Text.RegularExpressions;
using Harness.Core.Formats;
using Harness.Core.History;
using Harness.Core.Testing;
using Harness.Reports;
using Harness.Reports.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Reports;

/// <summary>Overlapping faults (<c>--nemesis-mode overlap</c>) get a lane each, and the clock offsets the clock
/// nemesis measures become a plot: on a hand-made run where a partition (5-15 s) overlaps a clock bump (8-12 s).</summary>
public class OverlapLanesAndClockTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = Directory.CreateTempSubdirectory("harness-lanes-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, object?> Offsets(double pg1, double pg2) => new(StringComparer.Ordinal)
    {
        ["clock"] = "bump",
        ["offsets"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["pg1"] = pg1, ["pg2"] = pg2 },
    };

    private string Run(bool withClock)
    {
        var dir = Path.Combine(_root, withClock ? "clock" : "plain");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "test.json"), new TestSpec { Name = "lanes", Nemesis = ["partition", "clock"], Nodes = 2, TimeLimitSeconds = 20 }.ToJson());
        var ops = new List<Op>();
        void Add(double s, OpType type, string f, object? value, int process = Op.NemesisProcess, string? node = null) =>
            ops.Add(new Op(ops.Count, (long)(s * 1e9), type, process, f, value, node));
        for (var i = 0; i < 40; i++)
        {
            Add(i * 0.5, OpType.Invoke, "read", null, i % 2, "pg" + (i % 2 + 1));
            Add(i * 0.5 + 0.01, OpType.Ok, "read", 1L, i % 2, "pg" + (i % 2 + 1));
        }
        Add(5, OpType.Invoke, "start-partition", null);
        Add(5.2, OpType.Info, "start-partition", "pg1 | pg2");
        if (withClock)
        {
            Add(8, OpType.Invoke, "start-clock", null);
            Add(8.1, OpType.Info, "start-clock", Offsets(60.0, 0.01));
            Add(12, OpType.Invoke, "stop-clock", null);
            Add(12.1, OpType.Info, "stop-clock", Offsets(0.02, 0.01));
        }
        Add(15, OpType.Invoke, "stop-partition", null);
        Add(15.3, OpType.Info, "stop-partition", "healed");
        ops.Sort((a, b) => a.Time.CompareTo(b.Time));
        JsonlHistory.Write(Path.Combine(dir, "history.jsonl"), ops.Select((o, i) => o with { Index = i }).ToList());
        return dir;
    }

    [Test]
    public void OverlappingFaultsGetOneLaneEachAndClockOffsetsArePlotted()
    {
        var html = File.ReadAllText(HtmlReport.Write(Run(withClock: true)));
        var lanes = html[html.IndexOf("<svg class=\"lanes\"", StringComparison.Ordinal)..];
        lanes = lanes[..lanes.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.That(lanes, Does.Contain(">partition</text>").And.Contain(">clock</text>"), "a labelled lane per fault kind");
        Assert.That(Regex.IsMatch(lanes, "data-fault=\"partition\"[^>]*data-lane=\"0\""), Is.True, "partition in lane 0");
        Assert.That(Regex.IsMatch(lanes, "data-fault=\"clock\"[^>]*data-lane=\"1\""), Is.True, "clock in lane 1");
        Assert.That(Regex.IsMatch(lanes, "data-fault=\"clock\"[^>]*data-lane=\"0\""), Is.False, "the clock band does not hide under the partition");
        Assert.That(html, Does.Contain("data-plot=\"clock\""), "clock offsets plotted");
    }

    [Test]
    public void OneFaultKindKeepsASingleFaultLaneAndNoClockPlot()
    {
        var html = File.ReadAllText(HtmlReport.Write(Run(withClock: false)));
        Assert.That(html, Does.Contain(">faults</text>"));
        Assert.That(html, Does.Not.Contain("data-lane=\"1\""));
        Assert.That(html, Does.Not.Contain("data-plot=\"clock\""), "no clock fault, no clock plot");
    }

    [Test]
    public void ClockSamplesComeFromEveryNodeOfEveryCompletedClockOp()
    {
        var samples = ClockPlot.Samples(JsonlHistory.Read(Path.Combine(Run(withClock: true), "history.jsonl")));
        Assert.That(samples, Has.Count.EqualTo(4));
        Assert.That(samples.Where(s => s.Node == "pg1").Select(s => s.Offset), Is.EqualTo(new[] { 60.0, 0.02 }));
        Assert.That(samples[0].Ns, Is.EqualTo(8_100_000_000L));
    }
}
