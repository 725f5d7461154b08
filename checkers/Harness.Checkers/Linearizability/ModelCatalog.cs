using Harness.Checkers.Linearizability.Internal;

namespace Harness.Checkers.Linearizability;

/// <summary>
/// The models the linearizability checker knows, by name: <c>register</c> (read/write), <c>cas-register</c>
/// (read/write/cas [old new]), <c>kv</c> (get/put/append on [key value], split by key), <c>multi-register</c>
/// (lists of [r|w key value]), <c>set</c> (add/read), <c>queue</c> (FIFO enqueue/dequeue) and <c>mutex</c>
/// (acquire/release). Each call creates a fresh instance, since a model numbers the values it meets.
/// </summary>
public static class ModelCatalog
{
    public static IReadOnlyList<string> Names { get; } =
        ["register", "cas-register", "kv", "multi-register", "set", "queue", "mutex"];

    /// <summary>The state a model starts in when no initial value is given: the kv store reads missing keys as
    /// "" (as Porcupine's kv tests do); every other model starts at nil / empty / free.</summary>
    public static object? DefaultInitial(string model) => model == "kv" ? "" : null;

    /// <summary>A new model instance. For <c>kv</c> this is one key's model (the values are the per-key values);
    /// use <see cref="CreateWholeKv"/> for the unsplit store. <paramref name="nilReadsUnknown"/> makes the register
    /// models accept any Ok read of nil (Knossos's convention, see <see cref="LinearizabilityOptions.NilReads"/>).</summary>
    public static IModel Create(string model, object? initial, bool nilReadsUnknown = false) => model switch
    {
        "register" => new RegisterModel(false, initial, nilReadsUnknown),
        "cas-register" => new RegisterModel(true, initial, nilReadsUnknown),
        "kv" => new KvCellModel(initial),
        "multi-register" => new MultiRegisterModel(initial),
        "set" => new CollectionModel(false, initial),
        "queue" or "fifo-queue" => new CollectionModel(true, initial),
        "mutex" => new MutexModel(initial),
        _ => throw new ArgumentException($"unknown model \"{model}\"; known: {string.Join(", ", Names)}", nameof(model)),
    };

    /// <summary>The whole key-value store as a single state, for checking kv histories without splitting.</summary>
    public static IModel CreateWholeKv(object? initial) => new KvMapModel(initial);

    public static bool IsKnown(string model) => Names.Contains(model) || model == "fifo-queue";
}
