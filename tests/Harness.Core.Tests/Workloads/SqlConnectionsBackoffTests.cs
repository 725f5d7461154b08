using Harness.Core.Tests.Workloads.Fakes;
using Harness.Workloads.Sql;
using Harness.Workloads.Sql.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>A client's connections under failed connects (fake server, a clock the test moves): the next connect to a
/// node waits for its back-off within the operation's wait budget, past the budget it is not attempted at all, a
/// success resets the back-off, a connect that never completes ends at the connect timeout as a TimeoutException, and
/// the connects in flight to one node are bounded over all clients sharing a limiter.</summary>
public class SqlConnectionsBackoffTests
{
    private static readonly ReconnectBackoff Policy = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));

    private static (SqlConnections Connections, ReconnectGate Gate, ManualTime Time) Connections(
        FakeSqlServer server, TimeSpan connectTimeout, NodeConnectLimiter? limiter = null)
    {
        var gate = new ReconnectGate(Policy, () => 0.5);
        var time = new ManualTime();
        var parts = new FakeSqlParts(server);
        var connections = new SqlConnections(parts, node => node, connectTimeout, gate, limiter ?? new NodeConnectLimiter(2), TimeSpan.FromMilliseconds(100), time);
        return (connections, gate, time);
    }

    [Test]
    public async Task FailedConnectsBackOffAndPastTheBudgetAreNotAttempted()
    {
        var server = new FakeSqlServer();
        server.Down.Add("p");
        var (connections, gate, time) = Connections(server, TimeSpan.FromSeconds(2));
        await using var _ = connections;
        // Delays 37.5, 75 and 150 ms (draw 0.5): the first two fit the 100 ms budget, so those connects wait and are tried.
        for (var i = 0; i < 3; i++)
            Assert.ThrowsAsync<FakeDbException>(() => connections.OpenAsync("p", CancellationToken.None));
        Assert.That((server.ConnectAttempts, gate.Failures("p")), Is.EqualTo((3, 3)));

        var deferred = Assert.ThrowsAsync<ConnectDeferredException>(() => connections.OpenAsync("p", CancellationToken.None));
        Assert.That(deferred!.Message, Is.EqualTo("not attempted: backing off after 3 failed connect(s), next attempt in 0.05 s"));
        Assert.That(server.ConnectAttempts, Is.EqualTo(3), "nothing was sent to the node");

        await connections.OpenAsync("s", CancellationToken.None);
        Assert.That(server.ConnectAttempts, Is.EqualTo(4), "another node is not held back");

        server.Down.Clear();
        time.Advance(TimeSpan.FromSeconds(1));
        await connections.OpenAsync("p", CancellationToken.None);
        Assert.That((server.ConnectAttempts, gate.Failures("p")), Is.EqualTo((5, 0)), "the success reset the back-off");
    }

    [Test]
    public async Task AConnectThatNeverCompletesTimesOutAndCountsAsAFailure()
    {
        var server = new FakeSqlServer();
        server.Hung.Add("p");
        var (connections, gate, _) = Connections(server, TimeSpan.FromMilliseconds(100));
        await using var _ = connections;
        var e = Assert.ThrowsAsync<TimeoutException>(() => connections.OpenAsync("p", CancellationToken.None));
        Assert.That(e!.Message, Is.EqualTo("connect timed out after 0.1 s"));
        Assert.That((server.ConnectAttempts, gate.Failures("p")), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task ACallerCancellationIsNotCountedAgainstTheNode()
    {
        var server = new FakeSqlServer();
        server.Hung.Add("p");
        var (connections, gate, _) = Connections(server, TimeSpan.FromSeconds(10));
        await using var _ = connections;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.CatchAsync<OperationCanceledException>(() => connections.OpenAsync("p", cts.Token));
        Assert.That(gate.Failures("p"), Is.EqualTo(0), "the runner's deadline, not the node, ended the connect");
    }

    [Test]
    public async Task ConnectsInFlightToANodeAreBoundedOverClientsAndAFreedSlotIsTakenAgain()
    {
        var server = new FakeSqlServer();
        server.Hung.Add("p");
        var limiter = new NodeConnectLimiter(1);
        var (first, _, _) = Connections(server, TimeSpan.FromSeconds(1), limiter);
        var (second, secondGate, _) = Connections(server, TimeSpan.FromSeconds(1), limiter);
        await using var a = first;
        await using var b = second;
        var hanging = first.OpenAsync("p", CancellationToken.None); // holds the one slot until its 1 s connect timeout
        var busy = Assert.ThrowsAsync<ConnectDeferredException>(() => second.OpenAsync("p", CancellationToken.None));
        Assert.That(busy!.Message, Is.EqualTo("not attempted: 1 other connect(s) to p in flight"));
        Assert.That((server.ConnectAttempts, secondGate.Failures("p")), Is.EqualTo((1, 0)), "the second client sent nothing and its back-off is untouched");
        await second.OpenAsync("q", CancellationToken.None);
        Assert.That(server.ConnectAttempts, Is.EqualTo(2), "another node has its own slots");

        Assert.ThrowsAsync<TimeoutException>(() => hanging);
        server.Hung.Clear();
        await second.OpenAsync("p", CancellationToken.None);
        Assert.That(server.ConnectAttempts, Is.EqualTo(3), "the slot was given back when the first connect timed out");
    }

    /// <summary>A clock that moves only when told (real timers still run the waits).</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = TimeSpan.FromHours(1).Ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
