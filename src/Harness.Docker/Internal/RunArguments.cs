using System.Globalization;
using Docker.DotNet.Models;

namespace Harness.Docker.Internal;

/// <summary>
/// Reads the <c>docker run</c> flags a <see cref="ContainerSpec"/> may carry in <see cref="ContainerSpec.ExtraRunArguments"/>
/// and applies them to the Engine API's create parameters. Only the flags database modules need are understood
/// (<c>--shm-size</c>, <c>--tmpfs</c>, <c>--init</c>, <c>-e</c>/<c>--env</c>, <c>--cap-add</c>, <c>--ulimit</c>,
/// <c>--privileged</c>); any other flag is an error rather than silently dropped.
/// </summary>
internal static class RunArguments
{
    public static Action<CreateContainerParameters> Parse(IReadOnlyList<string> args)
    {
        var edits = new List<Action<CreateContainerParameters>>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value"));
            switch (flag)
            {
                case "--shm-size":
                    var bytes = Bytes(Value());
                    edits.Add(p => Host(p).ShmSize = bytes);
                    break;
                case "--tmpfs":
                    var (path, options) = Split(Value(), ':');
                    edits.Add(p => (Host(p).Tmpfs ??= new Dictionary<string, string>())[path] = options ?? "");
                    break;
                case "--init":
                    edits.Add(p => Host(p).Init = true);
                    break;
                case "--privileged":
                    edits.Add(p => Host(p).Privileged = true);
                    break;
                case "-e" or "--env":
                    var env = Value();
                    edits.Add(p => p.Env = [.. p.Env ?? [], env]);
                    break;
                case "--cap-add":
                    var cap = Value();
                    edits.Add(p => Host(p).CapAdd = [.. Host(p).CapAdd ?? [], cap]);
                    break;
                case "--ulimit":
                    var ulimit = Ulimit(Value());
                    edits.Add(p => Host(p).Ulimits = [.. Host(p).Ulimits ?? [], ulimit]);
                    break;
                default:
                    throw new ArgumentException($"unsupported docker run flag {args[i]} (supported: --shm-size, --tmpfs, --init, --privileged, -e, --cap-add, --ulimit)");
            }
        }
        return p =>
        {
            foreach (var edit in edits) edit(p);
        };
    }

    /// <summary>Docker's size syntax: a number with an optional b, k, m or g suffix (powers of 1024).</summary>
    public static long Bytes(string size)
    {
        var s = size.Trim().ToLowerInvariant();
        if (s.Length > 1 && s[^1] == 'b' && char.IsLetter(s[^2])) s = s[..^1];
        var unit = s.Length > 0 && char.IsLetter(s[^1]) ? s[^1] : 'b';
        var number = s.Length > 0 && char.IsLetter(s[^1]) ? s[..^1] : s;
        var factor = unit switch { 'b' => 1L, 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => throw new ArgumentException($"bad size {size}") };
        return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture) * factor;
    }

    private static HostConfig Host(CreateContainerParameters p) => p.HostConfig ??= new HostConfig();

    private static Ulimit Ulimit(string spec)
    {
        var (name, limits) = Split(spec, '=');
        var (soft, hard) = Split(limits ?? throw new ArgumentException($"bad ulimit {spec}"), ':');
        var s = long.Parse(soft, CultureInfo.InvariantCulture);
        return new Ulimit { Name = name, Soft = s, Hard = hard is null ? s : long.Parse(hard, CultureInfo.InvariantCulture) };
    }

    private static (string Flag, string? Inline) Split(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) ? Split(arg, '=') : (arg, null);

    private static (string Head, string? Tail) Split(string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }
}
