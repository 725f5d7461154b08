namespace Harness.Docker;

/// <summary>
/// What an image is made of: a build context directory (with its Dockerfile) and the build arguments. Two
/// recipes with the same files and arguments make the same image, which is what lets
/// <see cref="ImageBuilder"/> skip a build. Put the resolved ids of parent images into the arguments so a
/// rebuilt parent forces a rebuilt child.
/// </summary>
public sealed record ImageRecipe(string Tag, string ContextDirectory, IReadOnlyDictionary<string, string> BuildArgs);
