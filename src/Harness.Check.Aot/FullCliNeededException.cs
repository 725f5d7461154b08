namespace Harness.Check.Aot;

/// <summary>Thrown before anything is read or printed when a check needs the full CLI (a stored run, a test.json
/// beside the history, a workload this executable is not built with, help).</summary>
internal sealed class FullCliNeededException(string reason) : Exception(reason);
