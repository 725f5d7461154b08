using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>
/// A register history split by key. Values follow Jepsen's conventions: unkeyed read null -> v, write v,
/// cas [old, new]; keyed ("independent") read [k, null] -> [k, v], write [k, v], cas [k, [old, new]].
/// Operations whose values fit neither shape are skipped and counted in <see cref="Skipped"/>.
/// </summary>
internal sealed class RegisterHistory
{
    private readonly Dictionary<object, KeyOps> _keyed = new(ValueComparer.Instance);
    private KeyOps? _unkeyed;

    public int Skipped { get; private set; }

    public IEnumerable<KeyOps> Keys => _unkeyed is null ? _keyed.Values : _keyed.Values.Prepend(_unkeyed);

    public static RegisterHistory Of(History history)
    {
        var result = new RegisterHistory();
        foreach (var (invoke, completion) in history.Pairs())
        {
            if (invoke.IsNemesis) continue;
            var understood = invoke.F switch
            {
                "read" => completion is not { Type: OpType.Ok } || result.AddRead(invoke, completion),
                "write" => result.AddWrite(invoke, completion),
                "cas" => result.AddCas(invoke, completion),
                _ => true,
            };
            if (!understood) result.Skipped++;
        }
        return result;
    }

    private bool AddRead(Op invoke, Op completion)
    {
        var keyed = invoke.Value is IReadOnlyList<object?> || (invoke.Value is null && completion.Value is IReadOnlyList<object?>);
        if (!keyed) return Add(null, keyed: false, ops => ops.Reads.Add(new RegisterRead(completion.Value, invoke, completion)));
        if (completion.Value is not IReadOnlyList<object?> { Count: 2 } pair) return false;
        return Add(pair[0], keyed: true, ops => ops.Reads.Add(new RegisterRead(pair[1], invoke, completion)));
    }

    private bool AddWrite(Op invoke, Op? completion) => invoke.Value is IReadOnlyList<object?> list
        ? list.Count == 2 && Add(list[0], keyed: true, ops => ops.Writes.Add(new RegisterWrite(list[1], invoke, completion)))
        : Add(null, keyed: false, ops => ops.Writes.Add(new RegisterWrite(invoke.Value, invoke, completion)));

    private bool AddCas(Op invoke, Op? completion)
    {
        if (invoke.Value is not IReadOnlyList<object?> { Count: 2 } outer) return false;
        if (outer[1] is IReadOnlyList<object?> { Count: 2 } inner)
            return Add(outer[0], keyed: true, ops => ops.Writes.Add(new RegisterWrite(inner[1], invoke, completion)));
        return Add(null, keyed: false, ops => ops.Writes.Add(new RegisterWrite(outer[1], invoke, completion)));
    }

    private bool Add(object? key, bool keyed, Action<KeyOps> add)
    {
        if (!keyed)
        {
            add(_unkeyed ??= new KeyOps(null));
            return true;
        }
        if (key is null) return false;
        if (!_keyed.TryGetValue(key, out var ops)) _keyed[key] = ops = new KeyOps(key);
        add(ops);
        return true;
    }
}
