using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harness.Core.Tests.Reports;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no browser download, no driver): starts
/// <c>/usr/bin/chromium</c> with its own profile folder, opens one page, and offers navigate, evaluate and
/// screenshot. Script exceptions the page throws are collected in <see cref="Exceptions"/>. Every call has a
/// generous deadline so a stuck browser fails the test instead of hanging it.
/// </summary>
internal sealed class CdpPage : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private string _session = "";
    private Task _reader = Task.CompletedTask;

    public ConcurrentQueue<string> Exceptions { get; } = new();

    private CdpPage(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<CdpPage> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("harness-chromium-").FullName;
        var info = new ProcessStartInfo(Chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,900", "about:blank" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var page = new CdpPage(process, profile);
        await page.ConnectAsync().ConfigureAwait(false);
        return page;
    }

    private async Task ConnectAsync()
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (clock.Elapsed > Deadline || _process.HasExited) throw new InvalidOperationException("chromium did not open its DevTools port");
            await Task.Delay(100).ConfigureAwait(false);
        }
        var lines = File.ReadAllLines(portFile);
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), new CancellationTokenSource(Deadline).Token).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, session: false).ConfigureAwait(false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target!["targetId"]!.GetValue<string>(), ["flatten"] = true }, session: false)
            .ConfigureAwait(false);
        _session = attached!["sessionId"]!.GetValue<string>();
        await SendAsync("Runtime.enable").ConfigureAwait(false);
        await SendAsync("Page.enable").ConfigureAwait(false);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1200, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false })
            .ConfigureAwait(false);
    }

    public async Task NavigateAsync(string url)
    {
        _events.Clear();
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (!_events.Contains("Page.loadEventFired"))
        {
            if (clock.Elapsed > Deadline) throw new TimeoutException("the page did not finish loading");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var r = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }).ConfigureAwait(false);
        if (r?["exceptionDetails"] is { } e) throw new InvalidOperationException("evaluation failed: " + e.ToJsonString());
        return r?["result"]?["value"];
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var r = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }).ConfigureAwait(false);
        return Convert.FromBase64String(r!["data"]!.GetValue<string>());
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null, bool session = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session) message["sessionId"] = _session;
        var done = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
        return await done.Task.WaitAsync(Deadline).ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
        {
            WebSocketReceiveResult part;
            try { part = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException) { return; }
            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage) continue;
            var node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            if (node?["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var waiter))
            {
                if (node["error"] is { } error) waiter.TrySetException(new InvalidOperationException(error.ToJsonString()));
                else waiter.TrySetResult(node["result"]);
            }
            else if (node?["method"]?.GetValue<string>() is { } method)
            {
                _events.Enqueue(method);
                if (method == "Runtime.exceptionThrown") Exceptions.Enqueue(node["params"]?.ToJsonString() ?? "");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _socket.Dispose();
        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
