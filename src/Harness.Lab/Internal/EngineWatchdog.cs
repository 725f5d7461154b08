using System.Globalization;
using Harness.Docker;
using Harness.Runner;

namespace Harness.Lab.Internal;

/// <summary>
/// Watches the Docker Engine during a run. Two signs that the cluster is no longer what the run set up: the engine
/// stops answering (twice in a row, so one slow answer on a loaded machine is not mistaken for it), or, with a local
/// engine, the daemon's process id in <c>/var/run/docker.pid</c> changes (it was restarted between two looks, which
/// stops every container). Either ends the run early with a sentence saying what happened.
/// </summary>
internal sealed class EngineWatchdog : IRunWatchdog
{
    private const string PidFile = "/var/run/docker.pid";
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);
    private readonly string? _daemonPid = DaemonPid();
    private int _failures;

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DockerEngineInfo.ApiVersionAsync(PingTimeout, cancellationToken).ConfigureAwait(false);
            _failures = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (++_failures >= 2)
                return $"the Docker Engine at {DockerEngineInfo.Endpoint} stopped answering during the run ({e.GetBaseException().Message}); " +
                       "was the daemon restarted or stopped? The cluster's state is unknown from then on, so the run ended there";
            return null;
        }
        var now = DaemonPid();
        if (_daemonPid is not null && now is not null && now != _daemonPid)
            return string.Create(CultureInfo.InvariantCulture,
                $"the Docker daemon was restarted during the run (pid {_daemonPid} became {now}), which stops every container; the run ended there");
        return null;
    }

    private static string? DaemonPid()
    {
        if (!DockerEngineInfo.IsLocal) return null;
        try
        {
            return File.Exists(PidFile) ? File.ReadAllText(PidFile).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
