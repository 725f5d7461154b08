using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Harness.Core.Tests.Workloads.Fakes;

/// <summary>A command that hands its text and parameters to the <see cref="FakeSqlServer"/>. Parameters live in an
/// Npgsql parameter collection (the BCL has no concrete one); a DataTable answer is read through its reader.</summary>
internal sealed class FakeDbCommand(FakeSqlServer server, FakeDbConnection connection) : DbCommand
{
    private readonly Npgsql.NpgsqlCommand _parameters = new();

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get; set; }
    public override CommandType CommandType { get; set; }
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }
    protected override DbConnection? DbConnection { get => connection; set => throw new NotSupportedException(); }
    protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new Npgsql.NpgsqlParameter();

    public override int ExecuteNonQuery() => Convert.ToInt32(Run() ?? 0, CultureInfo.InvariantCulture);

    public override object? ExecuteScalar() => Run();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ((DataTable)Run()!).CreateDataReader();

    private object? Run()
    {
        var text = CommandText + string.Concat(_parameters.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $" {p.ParameterName}={p.Value}")));
        return server.Run(connection, text);
    }
}
