namespace Harness.Checkers.Linearizability.Internal;

/// <summary>
/// A model whose state is a product of independent components (a key-value map: one component per key), where
/// every operation reads and changes exactly one component (<see cref="Component"/>) and is legal or not
/// depending on that component alone. Such a model is P-compositional: by Herlihy and Wing's locality theorem a
/// history is linearizable for it exactly when, for every component, the sub-history of the operations on that
/// component is; and a sub-history that is not linearizable is itself a witness against the whole model (its
/// operations are operations of the whole model, and the other components stay at their initial values).
/// The checker uses this to decide an unsplit history one projection at a time (the state stays the whole
/// map: each projection is searched with the same model), and to find the witness of a whole-history search.
/// </summary>
internal interface IProductModel
{
    /// <summary>The component (for a map: the key's number) that <paramref name="op"/> reads and changes.</summary>
    int Component(in ModelOp op);
}
