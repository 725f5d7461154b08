using System.Text;
using Harness.Workloads.Redis;
using Harness.Workloads.Redis.Internal;
using NUnit.Framework;

namespace Harness.Core.Tests.Workloads;

/// <summary>The harness's one-question RESP client: commands encoded as RESP arrays, replies rendered as
/// <c>redis-cli --raw</c> prints them, and incomplete replies recognised as incomplete.</summary>
public class RedisRespProbeTests
{
    [Test]
    public void ACommandIsARespArrayOfBulkStrings() =>
        Assert.That(Encoding.UTF8.GetString(RedisRespProbe()), Is.EqualTo("*3\r\n$8\r\nSENTINEL\r\n$6\r\nmaster\r\n$8\r\nmymaster\r\n"));

    private static byte[] RedisRespProbe() => RespProbe.Encode(["SENTINEL", "master", "mymaster"]);

    [Test]
    public void AnArrayReplyRendersOneLinePerElementAndParsesAsASentinelView()
    {
        const string reply = "*6\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n10.1.2.12\r\n$5\r\nflags\r\n$6\r\nmaster\r\n";
        Assert.That(RespProbe.TryRender(Encoding.UTF8.GetBytes(reply), out var text), Is.True);
        Assert.That(text, Is.EqualTo("name\nmymaster\nip\n10.1.2.12\nflags\nmaster\n"));
        var status = RedisNodeStatus.Parse(text, null);
        Assert.That(status.SentinelMasterIp, Is.EqualTo("10.1.2.12"));
        Assert.That(status.SentinelFlags, Is.EqualTo("master"));
    }

    [Test]
    public void ABulkInfoReplyKeepsItsLinesAndErrorsAndNilsAreLines()
    {
        Assert.That(RespProbe.TryRender("$28\r\n# Replication\r\nrole:master\r\n\r\n"u8, out var info), Is.True);
        Assert.That(RedisNodeStatus.Parse(null, info).Role, Is.EqualTo("master"));
        Assert.That(RespProbe.TryRender("-ERR No such master with that name\r\n"u8, out var error), Is.True);
        Assert.That(error, Is.EqualTo("ERR No such master with that name\n"));
        Assert.That(RedisNodeStatus.Parse(error, null).SentinelMasterIp, Is.Null);
        Assert.That(RespProbe.TryRender("$-1\r\n"u8, out var nil), Is.True);
        Assert.That(nil, Is.EqualTo("\n"));
    }

    [Test]
    public void AnIncompleteReplyIsNotRendered()
    {
        Assert.That(RespProbe.TryRender("*2\r\n$4\r\nname\r\n$8\r\nmyma"u8, out _), Is.False);
        Assert.That(RespProbe.TryRender("$28\r\n# Replication\r\n"u8, out _), Is.False);
        Assert.That(RespProbe.TryRender("+OK"u8, out _), Is.False);
    }
}
