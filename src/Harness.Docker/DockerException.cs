namespace Harness.Docker;

/// <summary>
/// A <c>docker</c> command failed (non-zero exit) or could not be run. Carries the command line and what the
/// command wrote to stderr, so the message alone says what went wrong.
/// </summary>
public sealed class DockerException : Exception
{
    public string Command { get; }
    public int ExitCode { get; }
    public string Stderr { get; }

    public DockerException(string command, int exitCode, string stderr)
        : base($"`{command}` failed with exit code {exitCode}: {Trim(stderr)}")
    {
        Command = command;
        ExitCode = exitCode;
        Stderr = stderr;
    }

    public DockerException(string message) : base(message)
    {
        Command = "";
        Stderr = "";
    }

    public DockerException(string message, Exception inner) : base(message, inner)
    {
        Command = "";
        Stderr = "";
    }

    public DockerException() : this("docker failed") { }

    private static string Trim(string text)
    {
        var t = text.Trim();
        return t.Length <= 2000 ? t : t[..2000] + " ...";
    }
}
