using System.Globalization;

namespace Harness.Docker.Internal;

/// <summary>
/// The file that receives the raw output of every image build of this process: one per log directory,
/// <c>images-&lt;UTC time&gt;.log</c>, created on the first build (a run whose images are all up to date writes none).
/// </summary>
internal sealed class BuildLog
{
    private static readonly Dictionary<string, BuildLog> ByDirectory = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Path { get; }

    private BuildLog(string path) => Path = path;

    public static BuildLog In(string directory)
    {
        var full = System.IO.Path.GetFullPath(directory);
        lock (ByDirectory)
        {
            if (ByDirectory.TryGetValue(full, out var log)) return log;
            Directory.CreateDirectory(full);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            return ByDirectory[full] = new BuildLog(System.IO.Path.Combine(full, $"images-{stamp}.log"));
        }
    }

    public void Append(string line)
    {
        lock (gate) File.AppendAllText(Path, line + "\n");
    }
}
