namespace Harness.Lab;

/// <summary>No usable Docker Engine answers (none running, or its API is older than 1.44); the message says how to get one.</summary>
public sealed class DockerUnavailableException(string message) : Exception(message);
