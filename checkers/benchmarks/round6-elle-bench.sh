#!/bin/bash
# Interleaved whole-process checks: before = main f6d1a96's harness-check (whole history), after = speed6's (streamed).
# Prints: file runner round | wall s | user s | sys s | peak RSS KiB | parse_ms | search_ms | total_ms | valid | uptime before
export DOTNET_gcConcurrent=0 DOTNET_TieredPGO=0
BEFORE=/tmp/speed6/before-aot/harness-check
AFTER=${AFTER:-/tmp/speed6/aot2/harness-check}
run() { # file label bin rounds
  local up; up=$(uptime | sed 's/.*load average: //')
  nice -n 19 /usr/bin/time -f "%e %U %S %M" -o /tmp/speed6/t.out "$3" check "$1" --workload list-append --json > /tmp/speed6/j.out 2>/tmp/speed6/e.out
  python3 - "$1" "$2" "$up" <<'PY'
import json,sys
t=open('/tmp/speed6/t.out').read().split()
try:
  d=json.load(open('/tmp/speed6/j.out')); extra=f"{d['parse_ms']:.0f} | {d['search_ms']:.0f} | {d['total_ms']:.0f} | {d['valid']} | ops {d['ops']}"
except Exception as e: extra="no json: "+open('/tmp/speed6/e.out').read()[:200]
print(f"{sys.argv[1].split('/')[-1]} | {sys.argv[2]} | {t[0]} | {t[1]} | {t[2]} | {t[3]} | {extra} | load {sys.argv[3]}", flush=True)
PY
}
echo "# start $(date -u +%H:%M:%S) $(uptime)"
for r in 1 2 3; do
  for f in /tmp/elle1m.json /tmp/elle100k.json /tmp/speed6/la1m.jsonl; do
    if [ $((r % 2)) = 1 ]; then run $f before $BEFORE; run $f after $AFTER; else run $f after $AFTER; run $f before $BEFORE; fi
  done
done
echo "# end $(date -u +%H:%M:%S) $(uptime)"
