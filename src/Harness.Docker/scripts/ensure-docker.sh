#!/usr/bin/env bash
# Makes a Docker Engine with API >= 1.44 available and running, idempotently.
#
# On Debian 12 as root, where there is no engine (or Debian's own 20.10, API 1.41, too old for our needs), it
# installs docker.io 26.1.5 from Debian 13 through a private apt configuration (the machine's own sources are not
# touched), with containerd, runc, tini and iptables from Debian 12, then starts dockerd in the background.
# Anywhere else it only checks, and says exactly what is missing. Prints one line per step to stderr.
set -euo pipefail

MIN_API="1.44"
STATE_DIR="${HARNESS_DOCKER_STATE:-/var/lib/harness-docker}"
LOG="${STATE_DIR}/dockerd.log"
INSTALL_LOG="${STATE_DIR}/install.log"

say() { printf '[docker] %s\n' "$*" >&2; }

# The engine's API version, through the docker CLI if there is one, else straight from the Engine API with curl
# (the harness itself needs no CLI: it talks to the API through Docker.DotNet, honouring DOCKER_HOST).
api_version() {
  if command -v docker >/dev/null 2>&1; then
    timeout 10 docker version --format '{{.Server.APIVersion}}' 2>/dev/null
  elif [ "${DOCKER_HOST:-}" != "${DOCKER_HOST#tcp://}" ]; then
    curl -fsS --max-time 10 "http://${DOCKER_HOST#tcp://}/version" 2>/dev/null | sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p'
  else
    curl -fsS --max-time 10 --unix-socket "${DOCKER_HOST#unix://}" http://localhost/version 2>/dev/null | sed -n 's/.*"ApiVersion":"\([0-9.]*\)".*/\1/p'
  fi
}

# DOCKER_HOST naming another machine (tcp:// or ssh://): check it, never install or start a local engine.
remote_host() { [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST}" = "${DOCKER_HOST#unix://}" ]; }

api_ok() {
  local v
  v=$(api_version) || return 1
  [ -n "$v" ] || return 1
  # version compare: MIN_API <= v
  [ "$(printf '%s\n%s\n' "$MIN_API" "$v" | sort -V | head -n1)" = "$MIN_API" ]
}

if api_ok; then
  say "engine ready (API $(api_version))${DOCKER_HOST:+ at $DOCKER_HOST}"
  exit 0
fi
if remote_host; then
  say "DOCKER_HOST=$DOCKER_HOST gives no Docker Engine with API >= $MIN_API; start it there (nothing is installed here)"
  exit 4
fi

is_debian12() { [ -r /etc/os-release ] && . /etc/os-release && [ "${ID:-}" = debian ] && [ "${VERSION_ID:-}" = 12 ]; }

engine_version() { dockerd --version 2>/dev/null | sed -n 's/^Docker version \([0-9.]*\).*/\1/p'; }

install_engine() {
  if [ "$(id -u)" != 0 ]; then
    say "no Docker Engine >= API $MIN_API and not root: install docker.io >= 25 (or Docker CE) and start dockerd, then retry"
    exit 3
  fi
  if ! is_debian12; then
    say "no Docker Engine >= API $MIN_API; automatic install is only for Debian 12: install Docker Engine >= 25 yourself and start it"
    exit 3
  fi
  local apt_dir="${STATE_DIR}/apt-trixie"
  mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/debs"
  say "installing a Docker Engine (details in $INSTALL_LOG)"
  cat > "$apt_dir/sources/trixie.sources" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources" -o "Dir::State::Lists=$apt_dir/lists")
  say "fetching docker.io from Debian 13 (private apt lists in $apt_dir)"
  apt-get "${opts[@]}" -qq update >>"$INSTALL_LOG" 2>&1
  (cd "$apt_dir/debs" && chmod 777 . && rm -f docker.io_*.deb && apt-get "${opts[@]}" -qq download docker.io >>"$INSTALL_LOG" 2>&1)
  say "installing containerd, runc, tini, iptables from Debian 12"
  apt-get -o DPkg::Lock::Timeout=600 -qq update >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq containerd runc tini iptables >>"$INSTALL_LOG" 2>&1
  say "installing $(ls "$apt_dir"/debs/docker.io_*.deb | xargs -n1 basename)"
  DEBIAN_FRONTEND=noninteractive dpkg -i --force-confold "$apt_dir"/debs/docker.io_*.deb >>"$INSTALL_LOG" 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -f -qq >>"$INSTALL_LOG" 2>&1
}

v=$(engine_version || true)
if [ -z "$v" ] || [ "$(printf '%s\n%s\n' 25.0.0 "$v" | sort -V | head -n1)" != 25.0.0 ]; then
  install_engine
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  mkdir -p "$STATE_DIR"
  say "starting dockerd (log: $LOG)"
  # containerd is started by dockerd itself when no system containerd runs.
  nohup dockerd >"$LOG" 2>&1 </dev/null &
fi

for _ in $(seq 1 60); do
  if api_ok; then
    say "engine ready (API $(api_version))"
    exit 0
  fi
  sleep 0.5
done
say "dockerd did not become ready within 30 s; last lines of $LOG:"
tail -n 20 "$LOG" >&2 || true
exit 4
