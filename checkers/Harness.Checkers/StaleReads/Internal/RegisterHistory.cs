using Harness.Core.History;

namespace Harness.Checkers.StaleReads.Internal;

/// <summary>
/// A register history split by key. Values follow Jepsen's conventions: unkeyed read null -> v, write v,
/// cas [old, new]; keyed ("independent") read [k, null] -> [k, v], write [k, v], cas [k, [old, new]].
/// Operations whose values fit neither shape are skipped and counted in <see cref="Skipped"/>.
/// Only the positions of each key's operations are held; <see cref="Keys"/> builds one key's reads and writes at a
/// time, so a checker that walks the keys in turn holds one key's operations, not a long history's millions.
/// </summary>
internal sealed class RegisterHistory
{
    private enum Kind { Ignore, Skip, Read, Write }

    private readonly History _history;
    private readonly Dictionary<object, List<int>> _keyed = new(ValueComparer.Instance);
    private List<int>? _unkeyed;

    private RegisterHistory(History history) => _history = history;

    public int Skipped { get; private set; }

    /// <summary>Each register's operations (the unkeyed register first, then keys in order of first use), built on demand.</summary>
    public IEnumerable<KeyOps> Keys
    {
        get
        {
            if (_unkeyed is not null) yield return Build(null, _unkeyed);
            foreach (var (key, positions) in _keyed) yield return Build(key, positions);
        }
    }

    public static RegisterHistory Of(History history)
    {
        var result = new RegisterHistory(history);
        for (var i = 0; i < history.Count; i++)
        {
            var invoke = history[i];
            if (invoke.Type != OpType.Invoke || invoke.IsNemesis) continue;
            switch (Classify(invoke, history.CompletionOf(i), out var keyed, out var key, out _))
            {
                case Kind.Skip: result.Skipped++; break;
                case Kind.Read or Kind.Write when !keyed: (result._unkeyed ??= []).Add(i); break;
                case Kind.Read or Kind.Write:
                    if (!result._keyed.TryGetValue(key!, out var positions)) result._keyed[key!] = positions = [];
                    positions.Add(i);
                    break;
            }
        }
        return result;
    }

    private KeyOps Build(object? key, List<int> positions)
    {
        var ops = new KeyOps(key);
        foreach (var i in positions)
        {
            var invoke = _history[i];
            var completion = _history.CompletionOf(i);
            if (Classify(invoke, completion, out _, out _, out var value) == Kind.Read) ops.Reads.Add(new RegisterRead(value, invoke, completion!));
            else ops.Writes.Add(new RegisterWrite(value, invoke, completion));
        }
        return ops;
    }

    /// <summary>What an operation is to a register: an Ok read or a write (of <paramref name="value"/>, on
    /// <paramref name="key"/> when <paramref name="keyed"/>), nothing (another function, a read that did not return),
    /// or a value of no known shape (skipped).</summary>
    private static Kind Classify(Op invoke, Op? completion, out bool keyed, out object? key, out object? value)
    {
        (keyed, key, value) = (false, null, null);
        switch (invoke.F)
        {
            case "read":
                if (completion is not { Type: OpType.Ok }) return Kind.Ignore;
                keyed = invoke.Value is IReadOnlyList<object?> || (invoke.Value is null && completion.Value is IReadOnlyList<object?>);
                if (!keyed) return Found(Kind.Read, completion.Value, out value);
                return completion.Value is IReadOnlyList<object?> { Count: 2 } pair ? Keyed(Kind.Read, pair[0], pair[1], out key, out value) : Kind.Skip;
            case "write":
                keyed = invoke.Value is IReadOnlyList<object?>;
                if (!keyed) return Found(Kind.Write, invoke.Value, out value);
                return invoke.Value is IReadOnlyList<object?> { Count: 2 } list ? Keyed(Kind.Write, list[0], list[1], out key, out value) : Kind.Skip;
            case "cas":
                if (invoke.Value is not IReadOnlyList<object?> { Count: 2 } outer) return Kind.Skip;
                keyed = outer[1] is IReadOnlyList<object?> { Count: 2 };
                if (!keyed) return Found(Kind.Write, outer[1], out value);
                return Keyed(Kind.Write, outer[0], ((IReadOnlyList<object?>)outer[1]!)[1], out key, out value);
            default:
                return Kind.Ignore;
        }
    }

    private static Kind Found(Kind kind, object? found, out object? value)
    {
        value = found;
        return kind;
    }

    private static Kind Keyed(Kind kind, object? foundKey, object? found, out object? key, out object? value)
    {
        (key, value) = (foundKey, found);
        return foundKey is null ? Kind.Skip : kind;
    }
}
