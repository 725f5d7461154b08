namespace Harness.Check;

/// <summary>Bad arguments or bad input: printed as one clear line, exit code 254.</summary>
public sealed class UsageException(string message) : Exception(message);
