using System.Text;

namespace Harness.Reports.Internal;

/// <summary>
/// The filter bar of <c>store/index.html</c>: one drop-down per dimension (database, workload, fault, verdict) with
/// the values present in the store, and a few lines of inline script that hide the rows that do not match (a row
/// carries its values as <c>data-database</c>, <c>data-workload</c>, <c>data-faults</c> (space-separated) and
/// <c>data-verdict</c>). Offline like every page: no library, and without script every row stays visible.
/// </summary>
internal static class StoreIndexFilters
{
    public static readonly IReadOnlyList<(string Key, string Label)> Dimensions =
        [("database", "database"), ("workload", "workload"), ("faults", "fault"), ("verdict", "verdict")];

    public static void Write(StringBuilder sb, IReadOnlyDictionary<string, IReadOnlyCollection<string>> values, int rows)
    {
        sb.Append("<form class=\"filters\" id=\"filters\">");
        foreach (var (key, label) in Dimensions)
        {
            sb.Append("<label>").Append(label).Append(" <select data-filter=\"").Append(key).Append("\"><option value=\"\">all</option>");
            foreach (var v in values.GetValueOrDefault(key) ?? [])
                sb.Append("<option value=\"").Append(Html.Escape(v)).Append("\">").Append(Html.Escape(v)).Append("</option>");
            sb.Append("</select></label> ");
        }
        sb.Append("<span id=\"shown\">").Append(rows).Append(" of ").Append(rows).Append(" runs</span></form>\n");
    }

    public const string Script = """
        <script>
        (function () {
          var selects = document.querySelectorAll('#filters select');
          function apply() {
            var rows = document.querySelectorAll('table.runs tbody tr'), shown = 0;
            rows.forEach(function (row) {
              var ok = true;
              selects.forEach(function (s) {
                if (!s.value) return;
                var have = (row.getAttribute('data-' + s.getAttribute('data-filter')) || '').split(' ');
                if (have.indexOf(s.value) < 0) ok = false;
              });
              row.style.display = ok ? '' : 'none';
              if (ok) shown++;
            });
            document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' runs';
          }
          selects.forEach(function (s) { s.addEventListener('change', apply); });
        })();
        </script>

        """;
}
