using Docker.DotNet;
using Docker.DotNet.Models;

namespace Harness.Docker.Internal;

/// <summary>Image look-ups, pulls and imports through the Engine API, each with a deadline.</summary>
internal static class Images
{
    private static readonly TimeSpan InspectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The image's id (<c>sha256:...</c>), or null if there is no such local image.</summary>
    public static async Task<string?> IdAsync(string image, CancellationToken cancellationToken) =>
        (await InspectAsync(image, cancellationToken).ConfigureAwait(false))?.ID;

    /// <summary>The value of one label of a local image, or null (no image, or no such label).</summary>
    public static async Task<string?> LabelAsync(string image, string label, CancellationToken cancellationToken) =>
        (await InspectAsync(image, cancellationToken).ConfigureAwait(false))?.Config?.Labels is { } labels && labels.TryGetValue(label, out var value)
            ? value
            : null;

    /// <summary>Pulls an image; returns null on success, else the engine's reason.</summary>
    public static async Task<string?> PullAsync(string image, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (name, tag) = SplitTag(image);
        string? error = null;
        var progress = new Progress<JSONMessage>(m => error ??= m.Error?.Message is { Length: > 0 } e ? e : null);
        try
        {
            await DockerEngine.CallAsync($"pull {image}", timeout, (d, ct) =>
                d.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, null, progress, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            return DockerEngine.Message(e);
        }
        return await IdAsync(image, cancellationToken).ConfigureAwait(false) is null ? error ?? "the image is not there after the pull" : null;
    }

    /// <summary>Imports a root file system tarball (as <c>docker import - TAG</c>) from <paramref name="tarball"/>.</summary>
    public static async Task ImportAsync(Stream tarball, string image, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (name, tag) = SplitTag(image);
        string? error = null;
        var progress = new Progress<JSONMessage>(m => error ??= m.Error?.Message is { Length: > 0 } e ? e : null);
        await DockerEngine.CallAsync($"import {image}", timeout, (d, ct) =>
            d.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = name, Tag = tag }, tarball, null, progress, ct), cancellationToken).ConfigureAwait(false);
        if (await IdAsync(image, cancellationToken).ConfigureAwait(false) is null)
            throw new DockerException($"importing {image} failed: {error ?? "no image after the import"}");
    }

    private static async Task<ImageInspectResponse?> InspectAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            return await DockerEngine.CallAsync($"image inspect {image}", InspectTimeout, (d, ct) => d.Images.InspectImageAsync(image, ct), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DockerApiException e) when (DockerEngine.IsNotFound(e))
        {
            return null;
        }
    }

    /// <summary><c>repo:tag</c> into its parts (a colon inside a registry host:port is not a tag separator).</summary>
    private static (string Name, string Tag) SplitTag(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }
}
