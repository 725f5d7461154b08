namespace Harness.Checkers.Linearizability;

/// <summary>
/// Facts about Porcupine's test corpus (github.com/anishathalye/porcupine, test_data/): which format and model
/// each file needs and its expected verdict. The etcd logs use a cas-register that starts absent (nil); the kv
/// logs a key-value store, split by key, whose missing keys read "". Of the etcd files, the 23 below are
/// linearizable and the rest are not (etcd_095 is empty and has no verdict); kv files named *-ok are
/// linearizable and *-bad are not.
/// </summary>
public static class PorcupineCorpus
{
    public static IReadOnlySet<int> LinearizableEtcd { get; } = new HashSet<int>
    {
        2, 5, 7, 18, 25, 31, 38, 45, 48, 49, 51, 53, 56, 67, 75, 76, 80, 87, 92, 98, 100, 101, 102,
    };

    /// <summary>True / false for a corpus file with a known verdict, null otherwise (e.g. etcd_095).</summary>
    public static bool? ExpectedLinearizable(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("etcd_", StringComparison.Ordinal) && int.TryParse(name[5..], out var n))
            return n == 95 ? null : LinearizableEtcd.Contains(n);
        if (name.EndsWith("-ok", StringComparison.Ordinal)) return true;
        if (name.EndsWith("-bad", StringComparison.Ordinal)) return false;
        return null;
    }

    /// <summary>The format and checker options for a corpus file, or null if it is not a corpus file.</summary>
    public static (string Format, LinearizabilityOptions Options)? Describe(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("etcd_", StringComparison.Ordinal) && name.EndsWith(".log", StringComparison.Ordinal))
            return ("porcupine-etcd", new LinearizabilityOptions { Model = "cas-register", InitialValue = "nil" });
        if (name.StartsWith('c') && name.EndsWith(".txt", StringComparison.Ordinal))
            return ("porcupine-kv", new LinearizabilityOptions { Model = "kv", InitialValue = "\"\"" });
        return null;
    }
}
