using System.Globalization;
using System.Text;
using System.Xml;
using Harness.Core.Checking;

namespace Harness.Reports;

/// <summary>JUnit XML with one test case per claim (a nightly job's CI shows each claim as a test): failed when the
/// claim did not hold, errored when it could not be decided, with the numbers in the message.</summary>
public static class ClaimsJUnit
{
    public static void Write(string path, string suite, IReadOnlyList<ComparisonClaim> claims)
    {
        var inv = CultureInfo.InvariantCulture;
        using var w = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", suite);
        w.WriteAttributeString("tests", claims.Count.ToString(inv));
        w.WriteAttributeString("failures", claims.Count(c => c.Verdict == Validity.Invalid).ToString(inv));
        w.WriteAttributeString("errors", claims.Count(c => c.Verdict == Validity.Unknown).ToString(inv));
        w.WriteAttributeString("time", claims.Sum(c => c.Elapsed.TotalSeconds).ToString("0.###", inv));
        foreach (var c in claims)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("classname", "scenarios");
            w.WriteAttributeString("name", c.Group);
            w.WriteAttributeString("time", c.Elapsed.TotalSeconds.ToString("0.###", inv));
            var message = c.Claim + " — " + string.Join("; ", c.Details);
            if (c.Verdict != Validity.Valid)
            {
                w.WriteStartElement(c.Verdict == Validity.Invalid ? "failure" : "error");
                w.WriteAttributeString("message", message);
                w.WriteString(string.Join("\n", c.Details));
                w.WriteEndElement();
            }
            else
            {
                w.WriteElementString("system-out", message);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }
}
