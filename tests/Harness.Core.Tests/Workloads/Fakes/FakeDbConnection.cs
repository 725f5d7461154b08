using System.Data;
using System.Data.Common;

namespace Harness.Core.Tests.Workloads.Fakes;

/// <summary>A connection to one node of a <see cref="FakeSqlServer"/>; <see cref="Id"/> counts connections opened.</summary>
internal sealed class FakeDbConnection(FakeSqlServer server, string node) : DbConnection
{
    private ConnectionState _state = ConnectionState.Closed;

    public string Node => node;

    public int Id { get; private set; }

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString { get => node; set { } }

    public override string Database => "fake";
    public override string DataSource => node;
    public override string ServerVersion => "0";
    public override ConnectionState State => _state;

    public override void Open()
    {
        Id = server.Open(node);
        _state = ConnectionState.Open;
    }

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (server.Hangs(node)) await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        Open();
    }

    public override void Close() => _state = ConnectionState.Closed;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();

    protected override DbCommand CreateDbCommand() => new FakeDbCommand(server, this);
}
