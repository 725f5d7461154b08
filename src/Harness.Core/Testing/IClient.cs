using Harness.Core.History;

namespace Harness.Core.Testing;

/// <summary>
/// A connection of one logical process to one node. <see cref="InvokeAsync"/> performs the operation and says
/// how it ended: Ok (it happened), Fail (it certainly did not: a constraint, a serialization failure, a refused
/// connection before sending), or Info (unknown: timeout, connection lost mid-commit). When unsure, say Info.
/// The runner also turns a missed deadline or an unexpected exception into Info and retires the process.
/// </summary>
public interface IClient : IAsyncDisposable
{
    Task<Completion> InvokeAsync(Op invocation, CancellationToken cancellationToken);
}

/// <summary>How an operation ended; the runner stamps index, time and process. <see cref="Node"/> names the node
/// that served it when that differs from the process's own (e.g. a write routed to the primary).</summary>
public readonly record struct Completion(OpType Type, object? Value, string? Error = null, string? Node = null)
{
    public static Completion Ok(object? value) => new(OpType.Ok, value);
    public static Completion Fail(object? value, string error) => new(OpType.Fail, value, error);
    public static Completion Info(object? value, string error) => new(OpType.Info, value, error);
}
