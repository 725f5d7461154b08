using Harness.Core.History;

namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A set (add, read returning every element) or a FIFO queue (enqueue, dequeue returning the head).
/// The state is an interned array of element ids: sorted for the set, in arrival order for the queue.</summary>
internal sealed class CollectionModel : IModel
{
    private const int Add = 0, Read = 1, Dequeue = 2;
    private readonly ValueInterner _values = new();
    private readonly ArrayInterner _states = new();
    private readonly bool _queue;

    public CollectionModel(bool queue, object? initial)
    {
        _queue = queue;
        var items = initial is IReadOnlyList<object?> list ? list.Select(_values.Id).ToArray() : [];
        if (!queue) items = items.Distinct().Order().ToArray();
        Initial = _states.Id(items);
    }

    public string Name => _queue ? "queue" : "set";

    public int Initial { get; }

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        error = null;
        op = default;
        if (!_queue && f is "add") op = new ModelOp(Add, _values.Id(input), 0, 0, outputKnown);
        else if (!_queue && f is "read" && (!outputKnown || output is IReadOnlyList<object?>))
            op = new ModelOp(Read, 0, 0, outputKnown ? SetOf((IReadOnlyList<object?>)output!) : 0, outputKnown);
        else if (_queue && f is "enqueue") op = new ModelOp(Add, _values.Id(input), 0, 0, outputKnown);
        else if (_queue && f is "dequeue") op = new ModelOp(Dequeue, 0, 0, outputKnown ? _values.Id(output) : 0, outputKnown);
        else
        {
            error = _queue ? $"the queue model knows enqueue and dequeue, not {f}" : $"the set model knows add and read (of a list), not {f}";
            return false;
        }
        return true;
    }

    private int SetOf(IReadOnlyList<object?> elements) =>
        _states.Id(elements.Select(_values.Id).Distinct().Order().ToArray());

    public bool IsReadOnly(in ModelOp op) => op.Code == Read;

    public int Step(int state, in ModelOp op)
    {
        var items = _states.Items(state);
        switch (op.Code)
        {
            case Read: return !op.Known || state == op.Out ? state : -1;
            case Add when _queue: return _states.Id([.. items, op.A]);
            case Add:
                var at = Array.BinarySearch(items, op.A);
                return at >= 0 ? state : _states.Id([.. items[..~at], op.A, .. items[~at..]]);
            default:
                if (items.Length == 0) return op.Known && op.Out == 0 ? state : -1;
                return !op.Known || items[0] == op.Out ? _states.Id(items[1..]) : -1;
        }
    }

    public string DescribeState(int state) =>
        (_queue ? "queue " : "#{") + ValueText.Format(_states.Items(state).Select(_values.Value).ToArray()) + (_queue ? "" : "}");

    public string WhyIllegal(int state, in ModelOp op) => op.Code switch
    {
        Read => $"the set is {DescribeState(state)} but the read returned {DescribeState(op.Out)}",
        Dequeue => _states.Items(state).Length == 0
            ? $"the queue is empty but the dequeue returned {_values.Text(op.Out)}"
            : $"the head of the queue is {_values.Text(_states.Items(state)[0])}, not {_values.Text(op.Out)}",
        _ => "an add is always legal",
    };
}
