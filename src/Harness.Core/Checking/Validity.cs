namespace Harness.Core.Checking;

/// <summary>A checker's verdict. Composition takes the worst: Invalid beats Unknown beats Valid (Jepsen's rule).</summary>
public enum Validity
{
    Valid,
    Unknown,
    Invalid,
}

public static class ValidityExtensions
{
    public static Validity Worst(this Validity a, Validity b) => (Validity)Math.Max((int)a, (int)b);

    public static Validity Worst(this IEnumerable<Validity> all) => all.Aggregate(Validity.Valid, Worst);

    /// <summary>Jepsen's exit codes: 0 valid, 1 invalid, 2 unknown.</summary>
    public static int ExitCode(this Validity v) => v switch
    {
        Validity.Valid => 0,
        Validity.Invalid => 1,
        _ => 2,
    };

    public static string Word(this Validity v) => v.ToString().ToLowerInvariant();
}
