namespace Harness.Core.Modules;

/// <summary>A test that does not fit the registry (unknown name, bad option value, a fault the database cannot
/// take); the message is written for the user, and the CLI exits 254 with it.</summary>
public sealed class InvalidSpecException(string message) : ArgumentException(message);
