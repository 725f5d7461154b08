using Harness.Checkers.Transactional.Internal;

namespace Harness.Checkers.Transactional;

/// <summary>
/// Which consistency models a set of anomalies rules out, following Elle's <c>consistency-model</c> namespace
/// (itself after Adya, Bailis, Cerone and Daudjee). Two graphs do the work: anomaly A implies anomaly B when every
/// history with A also has B (G0 implies G1c, G-single implies G-nonadjacent and, our rw edges being per key,
/// G2-item; a -process anomaly implies its -realtime variant), and model M implies model N when every history
/// satisfying M satisfies N (serializable implies repeatable-read and snapshot-isolation). Each model directly
/// forbids a few anomalies (read-uncommitted: G0; read-committed: G1; repeatable-read: G1, G2-item, lost-update;
/// snapshot-isolation: G1, G-nonadjacent, internal; serializable: G1, G2, internal; the strong-session models the
/// -process variants; strict-serializable the -realtime ones). A history with anomaly A violates every model that
/// forbids A or anything A implies, and every model stronger than those.
/// </summary>
public static class ConsistencyModels
{
    public const string Default = "strict-serializable";

    /// <summary>The models this checker can judge, weakest first.</summary>
    public static IReadOnlyList<string> All => ModelLattice.Models;

    /// <summary>The canonical name for a model (<c>strong-serializable</c> is <c>strict-serializable</c>), or null
    /// if the name is unknown.</summary>
    public static string? Canonical(string name) => ModelLattice.Canonical(name);

    /// <summary>True if a history showing <paramref name="anomaly"/> cannot satisfy <paramref name="model"/>.</summary>
    public static bool Forbids(string model, string anomaly) => ModelLattice.Forbids(model, anomaly);

    /// <summary>The models the anomalies rule out: <c>Not</c> holds the weakest of them, <c>AlsoNot</c> the stronger
    /// models that follow (Elle's <c>:not</c> and <c>:also-not</c>). Both sorted weakest first.</summary>
    public static (IReadOnlyList<string> Not, IReadOnlyList<string> AlsoNot) Boundary(IEnumerable<string> anomalies)
    {
        var impossible = ModelLattice.ImpossibleModels(anomalies);
        var weakest = impossible.Where(m => !impossible.Any(o => o != m && ModelLattice.Implies(m, o))).ToHashSet();
        var order = ModelLattice.Models;
        return (order.Where(weakest.Contains).ToList(), order.Where(m => impossible.Contains(m) && !weakest.Contains(m)).ToList());
    }
}
