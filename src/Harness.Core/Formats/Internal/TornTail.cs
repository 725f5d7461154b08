namespace Harness.Core.Formats.Internal;

/// <summary>
/// A history written one operation per line and flushed as it goes can end in a torn line when its writer was
/// killed mid-write. Such a last line is skipped with a warning naming the file and line; a bad line anywhere
/// else is an error.
/// </summary>
internal static class TornTail
{
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
