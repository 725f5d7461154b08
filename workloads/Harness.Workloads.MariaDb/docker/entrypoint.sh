#!/bin/sh
# One MariaDB 10.11 node. Environment:
#   HARNESS_MODE         galera | multi-leader | replica-set
#   HARNESS_NODE         this node's name (gal1.., mm1..)
#   HARNESS_IP           this node's IP on the cluster network
#   HARNESS_SERVER_ID    1, 2, ...: server_id, gtid_domain_id and auto_increment_offset
#   HARNESS_NODE_COUNT   how many nodes (auto_increment_increment in multi-leader)
#   HARNESS_PEERS        galera: comma-separated IPs of every member (gcomm:// address)
#   HARNESS_BOOTSTRAP    galera: 1 on the node that forms the cluster
#   HARNESS_ROLE         replica-set: primary | replica at creation; the file /var/lib/harness-role, written by the
#                        harness before a restart after a failover, overrides it (read_only and semi-sync sides)
#   HARNESS_SEMI_SYNC    replica-set: 1 for semi-synchronous replication (built-in rpl_semi_sync_* of 10.11)
#   HARNESS_SEMI_SYNC_TIMEOUT_MS, HARNESS_SEMI_SYNC_WAIT_POINT  replica-set: rpl_semi_sync_master_timeout and _wait_point
#   HARNESS_DATA_TMPFS   optional: a tmpfs mount point that becomes the data directory (the disk-full fault);
#                        the data directory initialised in the image is copied into it before the server starts
# Restart-safe: the configuration is rewritten identically on every start, and the Galera bootstrap flag
# (--wsrep-new-cluster) is added only on the bootstrap node's first start, recorded by a marker outside the data
# directory (an SST replaces the data directory). A restarted node, the bootstrap node included, rejoins the
# others; a multi-leader node resumes replication from its crash-safe GTID position. Users, replication
# channels and tables are created from outside, once the server answers (see the C# cluster classes).
set -eu
: "${HARNESS_MODE:?}" "${HARNESS_NODE:?}" "${HARNESS_IP:?}" "${HARNESS_SERVER_ID:?}"
CONF=/etc/mysql/mariadb.conf.d/99-harness.cnf
MARKER=/var/lib/harness-galera-bootstrapped

log() { echo "[entrypoint $HARNESS_NODE] $*" >&2; }

common_conf() {
  cat <<CONF
[mysqld]
bind-address = 0.0.0.0
skip-name-resolve
default_storage_engine = InnoDB
binlog_format = ROW
innodb_buffer_pool_size = 64M
innodb_log_file_size = 48M
performance_schema = OFF
server_id = ${HARNESS_SERVER_ID}
log_warnings = 2
CONF
  if [ -n "${HARNESS_DATA_TMPFS:-}" ]; then echo "datadir = ${HARNESS_DATA_TMPFS}"; fi
}

galera_conf() {
  : "${HARNESS_PEERS:?}"
  cat <<CONF
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = /usr/lib/galera/libgalera_smm.so
wsrep_provider_options = "gcache.size=64M"
wsrep_cluster_name = harness
wsrep_cluster_address = gcomm://${HARNESS_PEERS}
wsrep_node_name = ${HARNESS_NODE}
wsrep_node_address = ${HARNESS_IP}
wsrep_sst_method = rsync
CONF
}

multi_leader_conf() {
  cat <<CONF
gtid_domain_id = ${HARNESS_SERVER_ID}
log_bin = mariadb-bin
relay_log = relay-bin
log_slave_updates = ON
auto_increment_increment = ${HARNESS_NODE_COUNT:-2}
auto_increment_offset = ${HARNESS_SERVER_ID}
slave_net_timeout = 4
CONF
}

# Single leader: one GTID domain (0), every node binlogs what it applies (log_slave_updates) so any replica can be
# promoted and serve the others; replicas are read_only (the replication thread bypasses it).
replica_set_conf() {
  role="${HARNESS_ROLE:-replica}"
  if [ -s /var/lib/harness-role ]; then role="$(cat /var/lib/harness-role)"; fi
  cat <<CONF
gtid_domain_id = 0
log_bin = mariadb-bin
relay_log = relay-bin
log_slave_updates = ON
slave_net_timeout = 4
CONF
  if [ "$role" = primary ]; then echo "read_only = OFF"; else echo "read_only = ON"; fi
  if [ "${HARNESS_SEMI_SYNC:-0}" = 1 ]; then
    if [ "$role" = primary ]; then echo "rpl_semi_sync_master_enabled = ON"; else echo "rpl_semi_sync_master_enabled = OFF"; fi
    echo "rpl_semi_sync_slave_enabled = ON"
    echo "rpl_semi_sync_master_timeout = ${HARNESS_SEMI_SYNC_TIMEOUT_MS:-10000}"
    echo "rpl_semi_sync_master_wait_point = ${HARNESS_SEMI_SYNC_WAIT_POINT:-AFTER_SYNC}"
  fi
  log "replica-set role: $role"
}

mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld
if [ -n "${HARNESS_DATA_TMPFS:-}" ] && [ ! -e "$HARNESS_DATA_TMPFS/mysql" ]; then
  log "copying the initialised data directory into the tmpfs at $HARNESS_DATA_TMPFS"
  cp -a /var/lib/mysql/. "$HARNESS_DATA_TMPFS/"
  chown -R mysql:mysql "$HARNESS_DATA_TMPFS"
  chmod 0700 "$HARNESS_DATA_TMPFS"
fi
# Optional libfaketime (the clock fault): HARNESS_FAKETIME_ENV is its environment, HARNESS_FAKETIME_FILE the offset
# file it reads, created with +0 if missing (a bumped clock survives a restart).
if [ -n "${HARNESS_FAKETIME_FILE:-}" ]; then
  mkdir -p "$(dirname "$HARNESS_FAKETIME_FILE")"
  [ -e "$HARNESS_FAKETIME_FILE" ] || echo +0 > "$HARNESS_FAKETIME_FILE"
  chmod 0755 "$(dirname "$HARNESS_FAKETIME_FILE")"; chmod 0644 "$HARNESS_FAKETIME_FILE"
fi
{
  common_conf
  case "$HARNESS_MODE" in
    galera) galera_conf ;;
    multi-leader) multi_leader_conf ;;
    replica-set) replica_set_conf ;;
    *) log "unknown HARNESS_MODE '$HARNESS_MODE'"; exit 2 ;;
  esac
} > "$CONF"

if [ "$HARNESS_MODE" = galera ] && [ "${HARNESS_BOOTSTRAP:-0}" = 1 ] && [ ! -e "$MARKER" ]; then
  log "first start of the bootstrap node: forming a new cluster"
  touch "$MARKER"
  # shellcheck disable=SC2086 # the faketime environment is a list of NAME=value words
  exec env ${HARNESS_FAKETIME_ENV:-} mariadbd --user=mysql --wsrep-new-cluster
fi
log "starting mariadbd ($HARNESS_MODE)"
# shellcheck disable=SC2086
exec env ${HARNESS_FAKETIME_ENV:-} mariadbd --user=mysql
