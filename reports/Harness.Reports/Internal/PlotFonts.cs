namespace Harness.Reports.Internal;

/// <summary>
/// ScottPlot draws text with SkiaSharp, which on a bare Linux box may find no usable font and draw boxes.
/// When DejaVu Sans is installed (Debian's fonts-dejavu-core) we register its regular and bold faces and make
/// it ScottPlot's default, once per process; otherwise ScottPlot keeps its own choice.
/// </summary>
internal static class PlotFonts
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu/";
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void Ensure()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            var regular = Path.Combine(Folder, "DejaVuSans.ttf");
            var bold = Path.Combine(Folder, "DejaVuSans-Bold.ttf");
            if (!File.Exists(regular)) return;
            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            if (File.Exists(bold)) ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = Family;
        }
    }
}
