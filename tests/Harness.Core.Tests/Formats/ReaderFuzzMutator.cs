using System.Text;

namespace Harness.Core.Tests.Formats;

/// <summary>Seeded mutations of a text history, from one character to a 100,000-level nesting bomb.</summary>
internal static class ReaderFuzzMutator
{
    private const string Alphabet = "[]{}()\":\\#,; \n\t0123456789-.abcdefnrtu_eE+'/";

    public static byte[] Mutate(string seed, Random r)
    {
        var text = seed;
        var rounds = 1 + r.Next(3);
        for (var i = 0; i < rounds; i++) text = Once(text, r);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (r.Next(20) == 0 && bytes.Length > 0) bytes[r.Next(bytes.Length)] = (byte)(0x80 + r.Next(0x7f));
        return bytes;
    }

    private static string Once(string text, Random r)
    {
        var at = text.Length == 0 ? 0 : r.Next(text.Length);
        return r.Next(10) switch
        {
            0 => text.Remove(at, Math.Min(text.Length - at, 1 + r.Next(8))),
            1 => text.Insert(at, Alphabet[r.Next(Alphabet.Length)].ToString()),
            2 => text[..at],
            3 => text.Insert(at, Nest(r)),
            4 => text.Insert(at, r.Next(2) == 0 ? "99999999999999999999999" : "-1e400"),
            5 => SwapLines(text, r),
            6 => text.Insert(at, text.Substring(at, Math.Min(text.Length - at, 1 + r.Next(40)))),
            7 => text.Insert(at, "\0"),
            8 => text.Replace(":ok", r.Next(2) == 0 ? ":invoke" : ":okay"),
            _ => text.Insert(at, new string(Alphabet[r.Next(Alphabet.Length)], 1 + r.Next(5))),
        };
    }

    private static string Nest(Random r)
    {
        var depth = r.Next(4) switch { 0 => 70, 1 => 600, 2 => 5_000, _ => 100_000 };
        var open = r.Next(3) switch { 0 => "[", 1 => "{\"a\":", _ => "(" };
        return string.Concat(Enumerable.Repeat(open, depth)) + (r.Next(2) == 0 ? new string(']', depth) : "");
    }

    private static string SwapLines(string text, Random r)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2) return text;
        int a = r.Next(lines.Length), b = r.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }
}
