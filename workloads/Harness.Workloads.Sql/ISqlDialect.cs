using System.Data.Common;

namespace Harness.Workloads.Sql;

/// <summary>
/// What a SQL module says about its engine for the shared workload clients: how to make a connection with its
/// driver, and the statement for each step of register, set and list-append. Statements take named parameters
/// <c>@key</c>, <c>@value</c>, <c>@old</c>, <c>@new</c>, <c>@element</c> as documented on each member.
/// </summary>
public interface ISqlDialect
{
    /// <summary>A new, unopened connection for <paramref name="connectionString"/> adjusted by <paramref name="settings"/>.</summary>
    DbConnection CreateConnection(string connectionString, SqlConnectionSettings settings);

    /// <summary>The value of register <c>@key</c> (a bigint, or no row / null when absent).</summary>
    string RegisterRead { get; }

    /// <summary>Sets register <c>@key</c> to <c>@value</c>, creating it if absent.</summary>
    string RegisterWrite { get; }

    /// <summary>Sets register <c>@key</c> to <c>@new</c> if it holds <c>@old</c>; affects one row exactly when it did.</summary>
    string RegisterCas { get; }

    /// <summary>Inserts the unique set element <c>@element</c>.</summary>
    string SetAdd { get; }

    /// <summary>Every set element, one bigint per row.</summary>
    string SetRead { get; }

    /// <summary>The comma-separated list at <c>@key</c> (text, or no row when absent).</summary>
    string ListRead { get; }

    /// <summary>Appends the text <c>@element</c> to the list at <c>@key</c>, creating it if absent.</summary>
    string ListAppend { get; }

    /// <summary>The statement(s) that open a transaction at <paramref name="isolationLevel"/> (e.g. <c>REPEATABLE READ</c>).</summary>
    string Begin(string isolationLevel);
}
