namespace Harness.Core.Databases;

/// <summary>
/// A replicated store whose storage nodes can be read one by one, beneath any coordinator: after every heal it
/// polls the objects it was asked to track on every node until their replicas agree, and at the end of the run it
/// samples them once more. Everything lands in <see cref="SamplesFile"/> in the run directory, one JSON object per
/// line: first a header <c>{"phase":"cluster","nodes":[…],"clock-offsets":{node:seconds},"registers":{"container","prefix"}}</c>,
/// then samples <c>{"phase":"heal"|"final","heal","healMs","tMs","container","object","primaries":[…],"copies":{node:{"value","ts"}|null}}</c>.
/// Checkers for leaderless stores (convergence, placement, last-writer-wins) read that file; they never see the cluster.
/// </summary>
public interface IReplicaObservable
{
    /// <summary>The file name, in the run directory, of the replica samples.</summary>
    public const string SamplesFile = "convergence.jsonl";

    /// <summary>How the error text of a write begins that completed Ok although the store did not apply it (Swift's
    /// <c>202 Accepted</c>: the object servers refused it as older than their copy). A client that counts 2xx as success
    /// records it acknowledged; the leaderless checkers count such writes that no read ever saw.</summary>
    public const string AcceptedNotStoredPrefix = "202 accepted";

    /// <summary>The run directory the samples are written to.</summary>
    string RunDirectory { get; }
}
