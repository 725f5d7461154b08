namespace Harness.Core.Tests.Reliability;

/// <summary>A file stream stand-in that accepts <c>capacity</c> bytes and then fails every write as a full disk
/// does (ENOSPC), keeping what it accepted; a write that crosses the limit is cut short like a partial write.</summary>
internal sealed class FailingStream(int capacity) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        var room = (int)Math.Max(0, capacity - Length);
        base.Write(buffer, offset, Math.Min(room, count));
        if (count > room) throw new IOException("No space left on device");
    }

    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
}
