using Harness.Workloads.Postgres.Workloads;
using Npgsql;

namespace Harness.Workloads.Postgres.Internal;

/// <summary>Creates a workload's tables afresh on the primary before the clock starts.</summary>
internal static class Schema
{
    public static async Task RecreateAsync(PostgresEndpoints endpoints, string ddl, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(endpoints.ConnectionString(endpoints.Primary));
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand(ddl, conn);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
