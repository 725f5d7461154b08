#!/bin/sh
# What this node knows, as key:value lines: its sentinel's view of the master (sentinel-*), then its redis's
# INFO replication. Every call has a deadline, so a wedged process gives missing lines, never a hang.
ask() { timeout 2 redis-cli --raw "$@" 2>&1 | tr -d '\r'; }
echo "sentinel-master:$(ask -p 26379 SENTINEL get-master-addr-by-name mymaster | head -n 1)"
echo "sentinel-ckquorum:$(ask -p 26379 SENTINEL ckquorum mymaster | head -n 1)"
ask -p 26379 SENTINEL master mymaster | paste -d ' ' - - \
  | awk '$1 == "flags" || $1 == "num-slaves" || $1 == "num-other-sentinels" { print "sentinel-" $1 ":" $2 }'
[ "${1:-}" = "sentinel-only" ] || ask INFO replication
