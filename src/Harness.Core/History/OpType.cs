namespace Harness.Core.History;

/// <summary>
/// The four kinds of history entry, as in Jepsen. An operation is first <see cref="Invoke"/>d, then completes
/// exactly once: <see cref="Ok"/> means it happened, <see cref="Fail"/> means it certainly did not, and
/// <see cref="Info"/> means we cannot know (a timeout, a connection lost mid-commit). Treating an Info as a Fail
/// invents anomalies, so checkers must let an Info operation take effect at any time after its invocation, or never.
/// </summary>
public enum OpType
{
    Invoke,
    Ok,
    Fail,
    Info,
}
