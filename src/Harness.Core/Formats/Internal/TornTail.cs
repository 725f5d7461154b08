namespace Harness.Core.Formats.Internal;

/// <summary>
/// A history written one operation per line and flushed as it goes can end in a torn line when its writer was
/// killed mid-write: the last line is cut short, so the file does not end with a newline. Such a last line is
/// skipped with a warning naming the file and line; a bad line anywhere else, or a bad last line that was written
/// whole (it ends with a newline), is an error.
/// </summary>
internal static class TornTail
{
    /// <summary>True when the file's last line was cut short: the text does not end with a newline.</summary>
    public static bool EndsTorn(string text) => text.Length > 0 && text[^1] != '\n';

    /// <summary>The lines of <paramref name="text"/> without their line ends (a trailing newline ends the last line).</summary>
    public static string[] Lines(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].EndsWith('\r')) lines[i] = lines[i][..^1];
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>The 1-based number of the last line that holds more than whitespace, or 0.</summary>
    public static int LastNonBlankLine(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        if (end == 0) return 0;
        var line = 1;
        for (var i = 0; i < end; i++)
            if (text[i] == '\n') line++;
        return line;
    }

    /// <summary>The text before line <paramref name="line"/> (1-based).</summary>
    public static string Before(string text, int line)
    {
        var pos = 0;
        for (var l = 1; l < line && pos >= 0; l++) pos = text.IndexOf('\n', pos) + 1;
        return pos <= 0 ? "" : text[..pos];
    }

    public static string Warning(string file, int line) =>
        $"{file}:{line}: skipped a torn last line (its writer was probably killed mid-write); every line before it was read";
}
