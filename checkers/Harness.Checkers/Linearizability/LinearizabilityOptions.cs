using Harness.Core.Checking;

namespace Harness.Checkers.Linearizability;

/// <summary>
/// How to check: the model's name, its initial value (EDN/JSON text such as <c>0</c>, <c>nil</c>, <c>""</c>;
/// null means the model's default), whether to split by key (null: kv always splits, registers split when every
/// value is a [key value] pair), the time budget, the most wall-clock time witness shrinking may use (its processor
/// time is further capped at the search's own plus 100 ms), and whether keys are
/// searched in parallel, how an Ok read of nil is read (<see cref="NilReads"/>), and whether an unsplit history of a
/// product model is decided by locality (<see cref="Locality"/>). <see cref="FromContext"/> takes
/// <c>model</c>, <c>initial-value</c>, <c>independent</c> / <c>split</c> (true / false / auto), <c>nil-reads</c>
/// (unknown / value), <c>locality</c> (on / off) and the time limit from a <see cref="CheckContext"/>.
/// </summary>
public sealed record LinearizabilityOptions
{
    public string Model { get; init; } = "cas-register";
    public string? InitialValue { get; init; }
    public bool? SplitByKey { get; init; }
    public TimeSpan? TimeLimit { get; init; }
    public TimeSpan ShrinkLimit { get; init; } = TimeSpan.FromSeconds(10);
    public bool Parallel { get; init; } = true;

    /// <summary>For a history that is not split by key but whose model is a product of independent components
    /// (the whole-map kv model): true (the default) decides it one component's projection at a time, each
    /// searched with the whole model (Herlihy and Wing's locality; the result says so); false searches the whole
    /// history as one state space, as Porcupine does for a model without a partition function (far slower).</summary>
    public bool Locality { get; init; } = true;

    /// <summary><c>value</c> (the default): an Ok read of nil read the value nil, i.e. the register was absent.
    /// <c>unknown</c>: the read's value is unknown and any state explains it, as in Knossos's <c>register</c> and
    /// <c>cas-register</c> models (Jepsen clients record a read whose result they lost as <c>:ok</c> with nil).</summary>
    public string NilReads { get; init; } = NilReadsValue;

    public const string NilReadsValue = "value";
    public const string NilReadsUnknownName = "unknown";

    public bool NilReadsUnknown => NilReads == NilReadsUnknownName;

    /// <summary>These options overridden by whatever the context specifies.</summary>
    public LinearizabilityOptions With(CheckContext context)
    {
        var split = context.Option("split") ?? context.Option("independent");
        return this with
        {
            Model = context.Option("model") ?? Model,
            InitialValue = context.Option("initial-value") ?? InitialValue,
            SplitByKey = split switch
            {
                "true" or "yes" => true,
                "false" or "no" => false,
                "auto" => null,
                _ => SplitByKey,
            },
            TimeLimit = context.TimeLimit ?? TimeLimit,
            NilReads = context.Option("nil-reads") ?? NilReads,
            Locality = context.Option("locality") switch
            {
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                _ => Locality,
            },
        };
    }

    public static LinearizabilityOptions FromContext(CheckContext context) => new LinearizabilityOptions().With(context);
}
