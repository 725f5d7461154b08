namespace Harness.Checkers.Tests.Linearizability;

/// <summary>Finds the Porcupine corpus: <c>../shared/corpus/porcupine</c> beside the repository when its
/// files are there, else the copy in this test project (Corpus/porcupine, copied to the output folder).
/// The repository root is the first folder above the test assembly that holds Harness.sln.</summary>
internal static class CorpusLocator
{
    public static string PorcupineDir(string sub)
    {
        var root = RepositoryRoot();
        if (root is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "porcupine", sub));
            if (Directory.Exists(shared) && Directory.EnumerateFiles(shared).Any()) return shared;
        }
        return Path.Combine(AppContext.BaseDirectory, "Corpus", "porcupine", sub);
    }

    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln"))) return dir.FullName;
        return null;
    }
}
