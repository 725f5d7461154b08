#!/bin/sh
# One node of a Redis 7 + Sentinel cluster: a redis-server (master or replica) and a redis-sentinel beside it.
# Run with --init (docker-init is PID 1 and reaps), so SIGKILL of the container stops both. Environment:
#   HARNESS_NODE            this node's name (redis1, redis2, ...)
#   HARNESS_MASTER          the IP of the first master (Sentinel needs IPs, not hostnames)
#   HARNESS_ROLE            master | replica (only for the first start)
#   HARNESS_QUORUM          sentinels that must agree the master is down (a majority)
#   HARNESS_MIN_REPLICAS    min-replicas-to-write (0: off)
#   HARNESS_MIN_REPLICAS_MAX_LAG  min-replicas-max-lag in seconds
#   HARNESS_DOWN_AFTER_MS   sentinel down-after-milliseconds
# Both config files are written to /data on the first start only: Sentinel rewrites them (CONFIG REWRITE on a
# failover, its own state in sentinel.conf), so a restarted node keeps the role Sentinel gave it.
set -eu
: "${HARNESS_NODE:?}" "${HARNESS_MASTER:?}" "${HARNESS_ROLE:?}"
QUORUM="${HARNESS_QUORUM:-2}"
log() { echo "[entrypoint $HARNESS_NODE] $*" >&2; }

mkdir -p /data
if [ ! -e /data/redis.conf ]; then
  log "first start as $HARNESS_ROLE"
  cat > /data/redis.conf.new <<CONF
bind 0.0.0.0
protected-mode no
port 6379
dir /data
daemonize no
logfile ""
appendonly yes
appendfsync everysec
save ""
min-replicas-to-write ${HARNESS_MIN_REPLICAS:-0}
min-replicas-max-lag ${HARNESS_MIN_REPLICAS_MAX_LAG:-10}
CONF
  [ "$HARNESS_ROLE" = replica ] && echo "replicaof $HARNESS_MASTER 6379" >> /data/redis.conf.new
  mv /data/redis.conf.new /data/redis.conf
fi
if [ ! -e /data/sentinel.conf ]; then
  cat > /data/sentinel.conf.new <<CONF
bind 0.0.0.0
protected-mode no
port 26379
dir /data
daemonize no
logfile ""
sentinel monitor mymaster $HARNESS_MASTER 6379 $QUORUM
sentinel down-after-milliseconds mymaster ${HARNESS_DOWN_AFTER_MS:-3000}
sentinel failover-timeout mymaster 10000
sentinel parallel-syncs mymaster 1
CONF
  mv /data/sentinel.conf.new /data/sentinel.conf
fi
chown -R redis:redis /data

setpriv --reuid=redis --regid=redis --init-groups redis-sentinel /data/sentinel.conf &
exec setpriv --reuid=redis --regid=redis --init-groups redis-server /data/redis.conf
