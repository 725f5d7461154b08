using Harness.Core.Checking;

namespace Harness.Check;

/// <summary>Jepsen's exit codes: 0 valid, 1 invalid, 2 unknown; 254 bad arguments or input; 255 internal error.</summary>
public static class ExitCodes
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Unknown = 2;
    public const int BadInput = 254;
    public const int InternalError = 255;

    /// <summary>The exit code of a verdict.</summary>
    public static int For(Validity v) => v switch
    {
        Validity.Valid => Valid,
        Validity.Invalid => Invalid,
        _ => Unknown,
    };
}
