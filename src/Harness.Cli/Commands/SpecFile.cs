using System.Text.Json;
using Harness.Core.Formats;
using Harness.Core.Testing;

namespace Harness.Cli.Commands;

/// <summary>Reads a <c>test.json</c>; a malformed one is bad input naming the file, line and column.</summary>
internal static class SpecFile
{
    public static TestSpec Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file (expected a test.json, e.g. store/latest/test.json)");
        try
        {
            return TestSpec.FromJson(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new HistoryFormatException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "a test spec (JSON object): " + e.Message);
        }
    }
}
