using System.Net.Sockets;

namespace Harness.Core.Tests.Workloads.Fakes;

/// <summary>A scripted stand-in for a SQL cluster: it logs every statement as "node#connection: sql", refuses
/// connections to nodes in <see cref="Down"/>, never completes those to <see cref="Hung"/>, and answers with <see cref="Answer"/>, which may throw.</summary>
internal sealed class FakeSqlServer
{
    public List<string> Log { get; } = [];

    public HashSet<string> Down { get; } = [];

    /// <summary>Nodes whose connects never complete (a full listen backlog): only cancellation ends them.</summary>
    public HashSet<string> Hung { get; } = [];

    public int Opened { get; private set; }

    public int ConnectAttempts { get; private set; }

    public Func<FakeDbConnection, string, object?> Answer { get; set; } = (_, _) => 1;

    public int Open(string node)
    {
        ConnectAttempts++;
        if (Down.Contains(node)) throw new FakeDbException("connect failed", refusal: false, new SocketException((int)SocketError.ConnectionRefused));
        return ++Opened;
    }

    /// <summary>True (and counted as an attempt) when a connect to <paramref name="node"/> hangs.</summary>
    public bool Hangs(string node)
    {
        if (!Hung.Contains(node)) return false;
        ConnectAttempts++;
        return true;
    }

    public object? Run(FakeDbConnection connection, string sqlWithParameters)
    {
        Log.Add($"{connection.Node}#{connection.Id}: {sqlWithParameters}");
        return Answer(connection, sqlWithParameters);
    }
}
