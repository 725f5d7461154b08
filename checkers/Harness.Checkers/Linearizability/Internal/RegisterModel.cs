namespace Harness.Checkers.Linearizability.Internal;

/// <summary>A single register: read, write and (for the cas-register) compare-and-set. The state is the id
/// of the value held; a cas value is [old, new]. With <c>nilReadsUnknown</c> an Ok read of nil is read as
/// "value unknown" and is always legal, as in Knossos's register and cas-register models.</summary>
internal sealed class RegisterModel : IModel
{
    private const int Read = 0, Write = 1, Cas = 2;
    private readonly ValueInterner _values = new();
    private readonly bool _cas;
    private readonly bool _nilReadsUnknown;

    public RegisterModel(bool cas, object? initial, bool nilReadsUnknown = false)
    {
        _cas = cas;
        _nilReadsUnknown = nilReadsUnknown;
        Initial = _values.Id(initial);
    }

    public string Name => _cas ? "cas-register" : "register";

    public int Initial { get; }

    public bool TryEncode(string f, object? input, object? output, bool outputKnown, out ModelOp op, out string? error)
    {
        error = null;
        switch (f)
        {
            case "read" or "r":
                var known = outputKnown && !(_nilReadsUnknown && output is null);
                op = new ModelOp(Read, 0, 0, known ? _values.Id(output) : 0, known);
                return true;
            case "write" or "w":
                op = new ModelOp(Write, _values.Id(input), 0, 0, outputKnown);
                return true;
            case "cas" when _cas && input is IReadOnlyList<object?> { Count: 2 } pair:
                op = new ModelOp(Cas, _values.Id(pair[0]), _values.Id(pair[1]), 0, outputKnown);
                return true;
            default:
                op = default;
                error = _cas || f != "cas"
                    ? $"the {Name} model knows read, write{(_cas ? " and cas [old new]" : "")}, not {f} {Harness.Core.History.ValueText.Format(input)}"
                    : "the register model has no cas: use --model cas-register";
                return false;
        }
    }

    public bool IsReadOnly(in ModelOp op) => op.Code == Read;

    public int Step(int state, in ModelOp op) => op.Code switch
    {
        Read => !op.Known || state == op.Out ? state : -1,
        Write => op.A,
        _ => state == op.A ? op.B : -1,
    };

    public string DescribeState(int state) => _values.Text(state);

    public string WhyIllegal(int state, in ModelOp op) => op.Code switch
    {
        Read => $"the register holds {_values.Text(state)} but the read returned {_values.Text(op.Out)}",
        Cas => $"the register holds {_values.Text(state)}, not the {_values.Text(op.A)} the cas expected",
        _ => "a write is always legal",
    };
}
