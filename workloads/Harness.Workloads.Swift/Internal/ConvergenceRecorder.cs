using System.Text.Json.Nodes;

namespace Harness.Workloads.Swift.Internal;

/// <summary>
/// After each heal (network healed, node resumed or restarted) polls every tracked object's replicas through
/// <see cref="ReplicaProbe"/> until all primaries hold the same copy or the window ends, and appends each sample to
/// <c>convergence.jsonl</c> in the run directory: <c>{"phase":"heal"|"final","heal":k,"healMs":…,"tMs":…,"container":…,
/// "object":…,"primaries":[…],"copies":{node:{"value","ts"}|null|"?"}}</c> (wall-clock Unix ms). The analysis is
/// the leaderless checkers' job; this only records.
/// </summary>
internal sealed class ConvergenceRecorder(ReplicaProbe probe, string file, TimeSpan window, Func<IReadOnlyList<(string Container, string Object)>> tracked)
{
    private readonly Lock gate = new();
    private CancellationTokenSource? current;
    private Task running = Task.CompletedTask;
    private int heals;

    public string File => file;

    /// <summary>Starts the file with the header line the checkers read (see <c>IReplicaObservable</c>): node names,
    /// proxy clock offsets, where the register objects live and how long each heal is polled (so the checker can tell a
    /// poll a later heal or the run's end cut short from one that ran out).</summary>
    public void WriteHeader(IReadOnlyList<string> nodes, IReadOnlyDictionary<string, double> clockOffsets, string registerContainer, string registerPrefix)
    {
        var offsets = new JsonObject();
        foreach (var (node, seconds) in clockOffsets) offsets[node] = seconds;
        var header = new JsonObject
        {
            ["phase"] = "cluster",
            ["nodes"] = new JsonArray(nodes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["clock-offsets"] = offsets,
            ["registers"] = new JsonObject { ["container"] = registerContainer, ["prefix"] = registerPrefix },
            ["window-ms"] = (long)window.TotalMilliseconds,
        };
        lock (gate) System.IO.File.WriteAllLines(file, [header.ToJsonString()]);
    }

    /// <summary>Starts polling after a heal; a poll still running for an earlier heal is stopped. The objects polled are
    /// those tracked at the heal (written before it): objects written later cannot have diverged in the fault, and
    /// must not push the earlier ones out of the probe's most-recent set before they converge.</summary>
    public void OnHeal()
    {
        lock (gate)
        {
            current?.Cancel();
            current = new CancellationTokenSource(window + TimeSpan.FromSeconds(10));
            var heal = ++heals;
            var token = current.Token;
            var healMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var objects = tracked();
            running = Task.Run(() => PollAsync(heal, healMs, objects, token), CancellationToken.None);
        }
    }

    /// <summary>Stops polling and records one final sample of every tracked object.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        lock (gate) current?.Cancel();
        try { await running.ConfigureAwait(false); } catch (OperationCanceledException) { }
        await SampleAsync("final", heals, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), tracked(), ct).ConfigureAwait(false);
    }

    private async Task PollAsync(int heal, long healMs, IReadOnlyList<(string Container, string Object)> objects, CancellationToken ct)
    {
        try
        {
            var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)window.TotalMilliseconds;
            while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() < end)
            {
                if (await SampleAsync("heal", heal, healMs, objects, ct).ConfigureAwait(false)) return;
                await Task.Delay(300, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // a newer heal or the end of the run
        }
    }

    /// <summary>One sample of every tracked object; true if all of them agree on every primary.</summary>
    private async Task<bool> SampleAsync(string phase, int heal, long healMs, IReadOnlyList<(string Container, string Object)> objects, CancellationToken ct)
    {
        var agreed = true;
        var lines = new List<string>();
        foreach (var group in objects.GroupBy(t => t.Container))
        {
            var samples = await probe.ProbeAsync(group.Key, group.Select(t => t.Object).ToList(), ct).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var s in samples)
            {
                agreed &= Agree(s);
                var line = new JsonObject { ["phase"] = phase, ["heal"] = heal, ["healMs"] = healMs, ["tMs"] = now, ["container"] = group.Key };
                foreach (var (k, v) in s) line[k] = v?.DeepClone();
                lines.Add(line.ToJsonString());
            }
            if (samples.Count == 0) agreed = false;
        }
        lock (gate) System.IO.File.AppendAllLines(file, lines);
        return agreed;
    }

    private static bool Agree(JsonObject sample)
    {
        var copies = sample["copies"]!.AsObject();
        if (copies.All(c => c.Value is null)) return true; // never written anywhere: nothing to converge
        var ts = sample["primaries"]!.AsArray().Select(p => copies[p!.GetValue<string>()] is JsonObject c ? c["ts"]?.ToString() : null).ToList();
        return ts.All(t => t is not null && t == ts[0]);
    }
}
