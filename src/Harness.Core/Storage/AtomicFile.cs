using System.Text;

namespace Harness.Core.Storage;

/// <summary>
/// Writes a file so that a reader (or a harness killed mid-write) sees either the old file whole or the new one
/// whole, never a torn one: the bytes go to a temporary file beside the target (same directory, so same file
/// system), are flushed to the disk, and the temporary file is renamed over the target, which POSIX makes atomic.
/// A failed write (a full disk, say) removes the temporary file, leaves the old target as it was, and throws an
/// <see cref="IOException"/> naming the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            w.Write(text);
        });

    /// <summary>Calls <paramref name="write"/> with a stream on the temporary file, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (IOException e)
        {
            TryDelete(temp);
            throw new IOException($"could not write {full}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Nothing more to do: the target is untouched either way.
        }
    }
}
