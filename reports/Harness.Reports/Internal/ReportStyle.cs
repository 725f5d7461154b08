namespace Harness.Reports.Internal;

/// <summary>The page's inline stylesheet: no external fonts or files, so the report works offline and as an attachment.</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 0 auto; max-width: 1160px; padding: 1em; color: #222; font-size: 14px; }
        h1 small { font-weight: normal; color: #777; font-size: 60%; }
        h2 { border-bottom: 2px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
        .verdict { font-size: 40px; font-weight: bold; color: #fff; padding: .25em .6em; border-radius: 6px; display: inline-block; }
        .verdict span { font-size: 16px; font-weight: normal; }
        .verdict-valid { background: #2e8b3a; }
        .verdict-invalid { background: #c62828; }
        .verdict-unknown { background: #e09b12; }
        .badge { color: #fff; font-size: 11px; font-weight: bold; padding: .1em .45em; border-radius: 3px; white-space: nowrap; }
        .badge.verdict-valid { background: #2e8b3a; } .badge.verdict-invalid { background: #c62828; } .badge.verdict-unknown { background: #e09b12; }
        ul.summaries { list-style: none; padding-left: 0; } ul.summaries li { margin: .2em 0; }
        dl.facts { display: flex; flex-wrap: wrap; gap: .3em 1.5em; margin: 1em 0; }
        dl.facts div { display: flex; gap: .4em; } dt { color: #777; } dd { margin: 0; font-weight: bold; }
        .problem { color: #a04000; }
        .note { color: #666; font-style: italic; }
        img.plot { display: block; max-width: 100%; margin: .6em 0 1.2em; border: 1px solid #eee; }
        .fault-legend { margin: .5em 0; } .fault-key { margin-right: 1.2em; white-space: nowrap; }
        .swatch { display: inline-block; width: 14px; height: 14px; opacity: .5; vertical-align: middle; margin-right: .3em; border: 1px solid #999; }
        table { border-collapse: collapse; margin: .5em 0 1em; font-size: 12px; }
        th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        td { font-family: "DejaVu Sans Mono", monospace; max-width: 520px; overflow-wrap: anywhere; }
        .checker { border-left: 4px solid #ccc; padding: .2em 1em; margin: 1em 0; }
        .checker.verdict-valid, .checker.verdict-invalid, .checker.verdict-unknown { background: none; }
        .checker.verdict-valid { border-color: #2e8b3a; } .checker.verdict-invalid { border-color: #c62828; } .checker.verdict-unknown { border-color: #e09b12; }
        .anomaly { background: #fbf7f7; border: 1px solid #eedede; padding: .3em .8em; margin: .6em 0; }
        .anomaly h4 { margin: .3em 0; color: #a01010; }
        .drawing svg, svg.timeline { max-width: 100%; height: auto; background: #fff; }
        svg.lanes { display: block; max-width: 100%; height: auto; margin: .4em 0; }
        p.located { font-weight: bold; margin: -.6em 0 1.2em; }
        pre { background: #f7f7f7; padding: .5em; overflow-x: auto; font-size: 11px; }
        """;
}
