namespace Harness.Docker;

/// <summary>How one external command ended: its exit code and everything it wrote.</summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
