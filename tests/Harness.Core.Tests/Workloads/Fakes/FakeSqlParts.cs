using System.Data.Common;
using Harness.Core.Testing;
using Harness.Workloads.Sql;

namespace Harness.Core.Tests.Workloads.Fakes;

/// <summary>Dialect, classifier and routing for the fake server: statements are short names so the log reads easily;
/// writes go to "p", register reads to "s", and a <see cref="FakeDbException"/> marked as a refusal is one.</summary>
internal sealed class FakeSqlParts(FakeSqlServer server) : SqlOutcomeClassifier, ISqlDialect, ISqlRouting
{
    public List<SqlConnectionSettings> Settings { get; } = [];

    public SqlCluster Cluster => new(this, this, this, node => node);

    public DbConnection CreateConnection(string connectionString, SqlConnectionSettings settings)
    {
        Settings.Add(settings);
        return new FakeDbConnection(server, connectionString);
    }

    public string RegisterRead => "read";
    public string RegisterWrite => "write";
    public string RegisterCas => "cas";
    public string SetAdd => "add";
    public string SetRead => "set";
    public string ListRead => "lread";
    public string ListAppend => "append";
    public string Begin(string isolationLevel) => "BEGIN " + isolationLevel;

    public string WriteNode(ClientContext client) => "p";
    public string ReadNode(ClientContext client) => "s";

    public override bool IsRefusal(Exception e) => e is FakeDbException { Refusal: true };

    protected override string? DescribeServerError(Exception e) => e is FakeDbException f ? "fake " + f.Message : null;
}
