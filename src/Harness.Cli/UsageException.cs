namespace Harness.Cli;

/// <summary>Bad arguments or bad input: printed as one clear line, exit code 254.</summary>
internal sealed class UsageException(string message) : Exception(message);
