using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Harness.Workloads.Redis.Internal;

/// <summary>
/// One Redis-protocol (RESP2) question to a redis or sentinel at a container IP, straight from the host over the
/// cluster's bridge (the gateway is no peer, so partitions do not cut it), with a deadline. The answer is rendered as
/// <c>redis-cli --raw</c> prints it (array elements one per line, nil as an empty line), so one parser serves both this
/// and the <c>docker exec redis-cli</c> fallback. Milliseconds instead of the seconds a <c>docker exec</c> costs on a
/// loaded machine; unreachable when the engine is remote (<c>DOCKER_HOST</c>), which the caller detects.
/// </summary>
internal static class RespProbe
{
    public static async Task<string> AskAsync(string ip, int port, IReadOnlyList<string> command, TimeSpan deadline, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(deadline);
        using var client = new TcpClient();
        await client.ConnectAsync(ip, port, cts.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(Encode(command), cts.Token).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cts.Token).ConfigureAwait(false);
            if (read == 0) throw new IOException("connection closed before a whole reply");
            length += read;
            if (TryRender(buffer.AsSpan(0, length), out var text)) return text;
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    public static byte[] Encode(IReadOnlyList<string> command)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Count}\r\n");
        foreach (var part in command) text.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>True once <paramref name="reply"/> holds one whole reply, rendered as redis-cli --raw would print it.</summary>
    public static bool TryRender(ReadOnlySpan<byte> reply, out string text)
    {
        var output = new StringBuilder();
        var position = 0;
        var complete = Render(reply, ref position, output);
        text = complete ? output.ToString() : "";
        return complete;
    }

    private static bool Render(ReadOnlySpan<byte> data, ref int position, StringBuilder output)
    {
        if (!Line(data, ref position, out var line) || line.Length == 0) return false;
        var body = line[1..];
        switch (line[0])
        {
            case '+' or '-' or ':':
                output.Append(body).Append('\n');
                return true;
            case '$':
                var size = int.Parse(body, CultureInfo.InvariantCulture);
                if (size < 0)
                {
                    output.Append('\n');
                    return true;
                }
                if (data.Length < position + size + 2) return false;
                output.Append(Encoding.UTF8.GetString(data.Slice(position, size)).Replace("\r", "", StringComparison.Ordinal));
                if (size == 0 || data[position + size - 1] != (byte)'\n') output.Append('\n');
                position += size + 2;
                return true;
            case '*':
                var count = int.Parse(body, CultureInfo.InvariantCulture);
                for (var i = 0; i < count; i++)
                    if (!Render(data, ref position, output)) return false;
                return true;
            default:
                throw new FormatException($"not a RESP reply: {line}");
        }
    }

    private static bool Line(ReadOnlySpan<byte> data, ref int position, out string line)
    {
        var end = data[position..].IndexOf("\r\n"u8);
        line = end < 0 ? "" : Encoding.UTF8.GetString(data.Slice(position, end));
        if (end < 0) return false;
        position += end + 2;
        return true;
    }
}
