using System.Globalization;
using System.Text;
using System.Xml;
using Harness.Core.Checking;
using Harness.Core.Testing;

namespace Harness.Reports;

/// <summary>
/// A run as JUnit XML, for CI dashboards: one <c>testsuite</c> named after the test, one <c>testcase</c> per
/// checker (the leaves of the result tree; the root itself when it has no parts). Invalid becomes a
/// <c>failure</c> carrying the summary and the anomalies' explanations; Unknown becomes an <c>error</c>
/// (the checker could not decide, which CI must not mistake for a pass). Text is XML-escaped, and characters
/// XML cannot carry at all are replaced, since explanations quote database values.
/// </summary>
public static class JUnitReport
{
    private const int MaxAnomaliesListed = 50;

    public static void Write(string path, TestSpec test, CheckResult result, TimeSpan elapsed)
    {
        var cases = Cases(result).ToList();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        Harness.Core.Storage.AtomicFile.Write(path, s => WriteSuite(s, settings, test, cases, elapsed));
    }

    private static void WriteSuite(Stream s, XmlWriterSettings settings, TestSpec test, List<(string Name, CheckResult Result)> cases, TimeSpan elapsed)
    {
        using var w = XmlWriter.Create(s, settings);
        var inv = CultureInfo.InvariantCulture;
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", Clean(test.Name));
        w.WriteAttributeString("tests", cases.Count.ToString(inv));
        w.WriteAttributeString("failures", cases.Count(c => c.Result.Validity == Validity.Invalid).ToString(inv));
        w.WriteAttributeString("errors", cases.Count(c => c.Result.Validity == Validity.Unknown).ToString(inv));
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", elapsed.TotalSeconds.ToString("0.###", inv));
        w.WriteStartElement("properties");
        Property(w, "database", test.Database);
        Property(w, "workload", test.Workload);
        foreach (var (k, v) in test.DatabaseOptions) Property(w, k, v);
        foreach (var (k, v) in test.WorkloadOptions) Property(w, k, v);
        Property(w, "nemesis", string.Join(",", test.Nemesis));
        Property(w, "seed", test.Seed.ToString(inv));
        w.WriteEndElement();
        foreach (var (name, r) in cases) WriteCase(w, test, name, r);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void WriteCase(XmlWriter w, TestSpec test, string name, CheckResult r)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("classname", Clean(test.Name));
        w.WriteAttributeString("name", Clean(name));
        w.WriteAttributeString("time", "0");
        if (r.Validity != Validity.Valid)
        {
            w.WriteStartElement(r.Validity == Validity.Invalid ? "failure" : "error");
            w.WriteAttributeString("type", r.Validity.Word());
            w.WriteAttributeString("message", Clean(r.Summary));
            w.WriteString(Clean(Body(r)));
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Body(CheckResult r)
    {
        var sb = new StringBuilder(r.Summary).Append('\n');
        foreach (var (kind, count) in r.AnomalyCounts) sb.Append(kind).Append(": ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var a in r.Anomalies.Take(MaxAnomaliesListed))
            sb.Append("- ").Append(a.Kind).Append(": ").Append(a.Explanation).Append('\n');
        if (r.Anomalies.Count > MaxAnomaliesListed)
            sb.Append("... and ").Append((r.Anomalies.Count - MaxAnomaliesListed).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
        return sb.ToString();
    }

    /// <summary>The checkers that become test cases: the root's leaves, named by their path below the root (the
    /// root composition is the suite itself, so its name would only repeat the test's); a lone root is its own case.</summary>
    private static IEnumerable<(string Name, CheckResult Result)> Cases(CheckResult root) =>
        root.Children.Count == 0 ? [(root.Checker, root)] : root.Children.SelectMany(c => Leaves(c, ""));

    private static IEnumerable<(string Name, CheckResult Result)> Leaves(CheckResult r, string prefix)
    {
        var name = prefix.Length == 0 ? r.Checker : prefix + "/" + r.Checker;
        if (r.Children.Count == 0) return [(name, r)];
        return r.Children.SelectMany(c => Leaves(c, name));
    }

    private static void Property(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", Clean(value));
        w.WriteEndElement();
    }

    /// <summary>Replaces characters XML 1.0 cannot represent (control characters, lone surrogates).</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
            else sb.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return sb.ToString();
    }
}
