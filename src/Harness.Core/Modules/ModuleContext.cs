namespace Harness.Core.Modules;

/// <summary>What a module gets from the run around it: the run id that labels its containers, the base image for
/// offline image builds, a progress sink for short lines, and a folder for raw tool output (build logs).</summary>
public sealed record ModuleContext(string RunId, string BaseImage, IProgress<string>? Progress, string LogDirectory);
