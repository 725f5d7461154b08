using System.CommandLine;

namespace Harness.Cli.Terminal;

/// <summary>Prints every verb with every option and its default, generated from the command tree so the help
/// can never drift from what is parsed. The README's CLI reference is this output.</summary>
internal static class FullHelp
{
    public static void Print(RootCommand root, TextWriter w)
    {
        w.WriteLine(root.Description);
        w.WriteLine();
        w.WriteLine("Usage: harness <verb> [options]      (harness <verb> --help for one verb)");
        w.WriteLine("Exit codes: 0 valid, 1 invalid, 2 unknown, 254 bad arguments or input, 255 internal error.");
        foreach (var cmd in root.Subcommands) PrintCommand(cmd, "harness " + cmd.Name, w);
    }

    private static void PrintCommand(Command cmd, string path, TextWriter w)
    {
        w.WriteLine();
        var args = string.Concat(cmd.Arguments.Select(a => $" <{a.Name}>"));
        w.WriteLine($"{path}{args}");
        w.WriteLine($"    {cmd.Description}");
        foreach (var a in cmd.Arguments) w.WriteLine($"    <{a.Name}>  {a.Description}");
        foreach (var o in cmd.Options.Where(o => !o.Hidden && o.Name is not "--help" and not "-h" and not "-?"))
        {
            var names = string.Join(", ", new[] { o.Name }.Concat(o.Aliases.Where(a => a != o.Name)));
            var def = o.HasDefaultValue ? $" (default: {Format(o.GetDefaultValue())})" : "";
            w.WriteLine($"    {names,-28} {o.Description}{def}");
        }
        foreach (var sub in cmd.Subcommands) PrintCommand(sub, path + " " + sub.Name, w);
    }

    private static string Format(object? v) => v switch
    {
        null => "none",
        bool b => b ? "true" : "false",
        string[] arr => string.Join(",", arr),
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
