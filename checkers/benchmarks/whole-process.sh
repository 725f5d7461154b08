#!/usr/bin/env bash
# Times `harness check` as whole processes, one per file, the way users run it in scripts and CI: wall time and
# CPU time (user + system) of each process, plus the parse_ms / search_ms / total_ms it reports in --json.
# Usage: checkers/benchmarks/whole-process.sh HARNESS_DLL OUT.csv FILE ARGS...   (one file)
#        checkers/benchmarks/whole-process.sh HARNESS_DLL OUT.csv --etcd DIR      (every etcd_*.log in DIR)
set -euo pipefail
dll="$1"; out="$2"; shift 2
echo "file,wall_s,cpu_s,parse_ms,search_ms,total_ms,valid" > "$out"
one() {
  local file="$1"; shift
  local t json
  /usr/bin/time -o /tmp/whole-process-time.$$ -f "%e %U %S" dotnet "$dll" check "$file" --json "$@" > /tmp/whole-process.$$ 2>/dev/null || true
  t=$(tail -1 /tmp/whole-process-time.$$)
  json=$(cat /tmp/whole-process.$$)
  local wall user sys
  read -r wall user sys <<<"$t"
  field() { echo "$json" | grep -o "\"$1\":[^,]*" | head -1 | cut -d: -f2; }
  echo "$(basename "$file"),$wall,$(echo "$user + $sys" | bc),$(field parse_ms),$(field search_ms),$(field total_ms),$(field valid)" >> "$out"
}
if [ "${1:-}" = "--etcd" ]; then
  for f in "$2"/etcd_*.log; do
    [ -s "$f" ] || continue
    one "$f" --model cas-register --initial-value nil
  done
else
  one "$@"
fi
rm -f /tmp/whole-process.$$ /tmp/whole-process-time.$$
awk -F, 'NR > 1 { n++; w += $2; c += $3; t += $6 } END { printf "%d processes: wall %.2f s, cpu %.2f s, sum of total_ms %.0f\n", n, w, c, t }' "$out"
