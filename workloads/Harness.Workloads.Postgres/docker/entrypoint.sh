#!/bin/sh
# One PostgreSQL 15 node of a streaming-replication cluster. Environment:
#   HARNESS_ROLE        primary | standby
#   HARNESS_NODE        this node's name (pg1, pg2, ...); becomes cluster_name, hence the walreceiver's
#                       application_name that synchronous_standby_names matches, and the standby's slot name
#   HARNESS_PRIMARY     host or IP of the primary (standbys only)
#   HARNESS_SYNC_NAMES  value of synchronous_standby_names ('' = asynchronous)
#   HARNESS_FAKETIME_ENV  optional: libfaketime's environment (LD_PRELOAD=... FAKETIME_TIMESTAMP_FILE=...), set for
#                       postgres only, after the privilege drop (set as root, libfaketime's semaphore would be root's)
#   HARNESS_FAKETIME_FILE optional: the offset file it reads; created with +0 if missing (a bumped clock survives a restart)
# Restart-safe: the data directory is initialised only once (a marker outside PGDATA records success), so a
# killed and restarted node, primary or standby, just runs postgres on its existing data.
# Rejoin after a failover: if the harness copied a file /var/lib/postgresql/harness-rejoin (one line: the new
# primary's host) into the stopped container, the node rewinds its data to the new primary's timeline with
# pg_rewind (cloning afresh with pg_basebackup if that fails) and starts as its standby, streaming through the
# slot named after this node, which the harness created on the new primary beforehand.
set -eu
: "${HARNESS_ROLE:?}" "${HARNESS_NODE:?}"
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
MARKER=/var/lib/postgresql/harness-initialised
REJOIN=/var/lib/postgresql/harness-rejoin
export PGDATA

log() { echo "[entrypoint $HARNESS_NODE] $*" >&2; }
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

init_primary() {
  as_postgres initdb -D "$PGDATA" -U postgres --auth=trust --data-checksums >&2
  cat >> "$PGDATA/postgresql.conf" <<CONF

# --- harness ---
listen_addresses = '*'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
hot_standby_feedback = on
wal_log_hints = on
wal_keep_size = '256MB'
wal_receiver_status_interval = '1s'
synchronous_standby_names = '${HARNESS_SYNC_NAMES:-}'
synchronous_commit = on
logging_collector = off
log_destination = 'stderr'
log_line_prefix = '%m [%p] %q%u@%d %a '
log_timezone = 'UTC'
CONF
  cat >> "$PGDATA/pg_hba.conf" <<HBA
host all all 0.0.0.0/0 trust
host replication all 0.0.0.0/0 trust
HBA
}

init_standby() {
  : "${HARNESS_PRIMARY:?}"
  log "waiting for the primary $HARNESS_PRIMARY"
  tries=0
  until pg_isready -q -h "$HARNESS_PRIMARY" -U postgres -t 2; do
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { log "primary never became ready"; exit 1; }
    sleep 0.5
  done
  # A previous attempt may have left an inactive slot behind.
  psql -h "$HARNESS_PRIMARY" -U postgres -qAt -c \
    "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$HARNESS_NODE' and not active" >/dev/null
  as_postgres pg_basebackup -h "$HARNESS_PRIMARY" -U postgres -D "$PGDATA" -X stream -C -S "$HARNESS_NODE" -R -c fast
}

rejoin() {
  source_host=$(head -n 1 "$REJOIN" | tr -d '[:space:]')
  log "rejoining as a standby of $source_host"
  tries=0
  until pg_isready -q -h "$source_host" -U postgres -t 2; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || { log "new primary $source_host never became ready"; exit 1; }
    sleep 0.5
  done
  if as_postgres pg_rewind -D "$PGDATA" --source-server="host=$source_host port=5432 user=postgres dbname=postgres" >&2; then
    log "pg_rewind done"
  else
    log "pg_rewind failed; cloning afresh from $source_host"
    find "$PGDATA" -mindepth 1 -delete
    as_postgres pg_basebackup -h "$source_host" -U postgres -D "$PGDATA" -X stream -S "$HARNESS_NODE" -c fast
  fi
  # pg_rewind copied the source's configuration files; the last setting in postgresql.auto.conf wins.
  cat >> "$PGDATA/postgresql.auto.conf" <<CONF
primary_conninfo = 'host=$source_host port=5432 user=postgres application_name=$HARNESS_NODE'
primary_slot_name = '$HARNESS_NODE'
CONF
  touch "$PGDATA/standby.signal"
  chown postgres:postgres "$PGDATA/standby.signal" "$PGDATA/postgresql.auto.conf"
  rm -f "$REJOIN"
}

mkdir -p "$PGDATA"
chown postgres:postgres "$PGDATA"
chmod 0700 "$PGDATA"
if [ -e "$REJOIN" ] && [ -e "$MARKER" ]; then
  rejoin
elif [ ! -e "$MARKER" ]; then
  log "initialising as $HARNESS_ROLE"
  find "$PGDATA" -mindepth 1 -delete  # leftovers of an interrupted first start
  case "$HARNESS_ROLE" in
    primary) init_primary ;;
    standby) init_standby ;;
    *) log "unknown HARNESS_ROLE '$HARNESS_ROLE'"; exit 2 ;;
  esac
  touch "$MARKER"
else
  log "data directory already initialised; starting postgres"
fi
if [ -n "${HARNESS_FAKETIME_FILE:-}" ]; then
  mkdir -p "$(dirname "$HARNESS_FAKETIME_FILE")"
  [ -e "$HARNESS_FAKETIME_FILE" ] || echo +0 > "$HARNESS_FAKETIME_FILE"
  chmod 0755 "$(dirname "$HARNESS_FAKETIME_FILE")"; chmod 0644 "$HARNESS_FAKETIME_FILE"
fi
# shellcheck disable=SC2086 # the faketime environment is a list of NAME=value words
exec setpriv --reuid=postgres --regid=postgres --init-groups env ${HARNESS_FAKETIME_ENV:-} postgres -D "$PGDATA" -c cluster_name="$HARNESS_NODE"
