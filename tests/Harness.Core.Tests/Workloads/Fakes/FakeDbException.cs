using System.Data.Common;

namespace Harness.Core.Tests.Workloads.Fakes;

/// <summary>A driver error; <see cref="Refusal"/> marks one the server certainly rolled back.</summary>
internal sealed class FakeDbException(string message, bool refusal, Exception? inner = null) : DbException(message, inner)
{
    public bool Refusal => refusal;
}
