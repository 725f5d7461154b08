using System.Globalization;

namespace Harness.Core.Modules;

/// <summary>
/// One option of a database, workload or fault module: its name (also the command-line flag, <c>--name</c>), a
/// line of help, its default, and what values it takes. Modules own their options; the CLI, <c>--help</c>,
/// <c>test.json</c> and validation are all derived from these definitions, never kept in parallel lists.
/// </summary>
public sealed record OptionDef(string Name, string Help, string Default)
{
    public OptionKind Kind { get; init; } = OptionKind.Text;

    /// <summary>The only values allowed (for <see cref="OptionKind.Choice"/>).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public double Min { get; init; } = double.MinValue;
    public double Max { get; init; } = double.MaxValue;

    public static OptionDef Choice(string name, string help, string @default, params string[] choices) =>
        new(name, help, @default) { Kind = OptionKind.Choice, Choices = choices };

    public static OptionDef Integer(string name, string help, long @default, long min = long.MinValue, long max = long.MaxValue) =>
        new(name, help, @default.ToString(CultureInfo.InvariantCulture)) { Kind = OptionKind.Integer, Min = min, Max = max };

    public static OptionDef Number(string name, string help, double @default, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, help, @default.ToString("0.###", CultureInfo.InvariantCulture)) { Kind = OptionKind.Number, Min = min, Max = max };

    public static OptionDef Flag(string name, string help, bool @default = false) =>
        new(name, help, @default ? "true" : "false") { Kind = OptionKind.Flag };

    public static OptionDef Text(string name, string help, string @default) => new(name, help, @default);

    /// <summary>Null if <paramref name="value"/> is acceptable, else what is wrong with it.</summary>
    public string? Check(string value)
    {
        switch (Kind)
        {
            case OptionKind.Choice when !Choices.Contains(value):
                return $"--{Name} must be one of {string.Join(", ", Choices)} (got '{value}')";
            case OptionKind.Integer:
                if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return $"--{Name} takes a whole number (got '{value}')";
                return i < Min || i > Max ? $"--{Name} must be {Range()} (got {value})" : null;
            case OptionKind.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)) return $"--{Name} takes a number (got '{value}')";
                return d < Min || d > Max ? $"--{Name} must be {Range()} (got {value})" : null;
            case OptionKind.Flag when value is not ("true" or "false"):
                return $"--{Name} takes true or false (got '{value}')";
            default:
                return null;
        }
    }

    /// <summary>The help line with the choices and default, as <c>--help</c> shows it.</summary>
    public string Describe() => Kind == OptionKind.Choice && !Help.Contains(Choices[0], StringComparison.Ordinal)
        ? $"{Help} ({string.Join(" | ", Choices)}; default {Default})"
        : $"{Help} (default {(Default.Length == 0 ? "none" : Default)})";

    private string Range() => Min > double.MinValue / 2 && Max < double.MaxValue / 2
        ? string.Create(CultureInfo.InvariantCulture, $"between {Min} and {Max}")
        : Min > double.MinValue / 2 ? string.Create(CultureInfo.InvariantCulture, $"at least {Min}") : string.Create(CultureInfo.InvariantCulture, $"at most {Max}");
}

public enum OptionKind
{
    Text,
    Choice,
    Integer,
    Number,
    Flag,
}
