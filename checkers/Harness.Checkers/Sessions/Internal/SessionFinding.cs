using Harness.Core.History;

namespace Harness.Checkers.Sessions.Internal;

/// <summary>One violated session guarantee: the read that went back, the operation it went back behind (a write of
/// the session's own, or an earlier read), how far back (ms from that point to the read's start, and versions), and
/// the sentence that explains it.</summary>
internal sealed record SessionFinding(string Guarantee, Op Read, Op Behind, long StaleNs, int Versions, string Sentence);
