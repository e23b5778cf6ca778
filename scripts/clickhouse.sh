#!/usr/bin/env bash
# A throwaway ClickHouse server for the SQL parity tests, on loopback ports of its own.
#
#   eval "$(scripts/clickhouse.sh start)"   # starts it; prints CLICKHOUSE_HTTP_PORT=… and CLICKHOUSE_DIR=…
#   scripts/clickhouse.sh stop "$CLICKHOUSE_DIR"
#
# `start` copies the installed config.xml and users.xml into a new temporary folder, points every
# path (data, tmp, logs, user files) into that folder and every port at a free loopback port, sets
# the server time zone to UTC, starts clickhouse-server in the background and waits until its HTTP
# interface answers. `stop` ends that server (by the pid it recorded) and removes the folder.
set -euo pipefail

CONFIG_DIR=${CLICKHOUSE_CONFIG_DIR:-/etc/clickhouse-server}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

answers() {
  node -e 'fetch(`http://127.0.0.1:${process.argv[1]}/ping`).then(r=>r.text()).then(t=>process.exit(t.trim()==="Ok."?0:1),()=>process.exit(1))' "$1"
}

start() {
  command -v clickhouse-server >/dev/null || { echo "clickhouse-server is not installed" >&2; exit 1; }
  local dir http tcp inter
  dir=$(mktemp -d "${TMPDIR:-/tmp}/clickhouse.XXXXXX")
  mkdir -p "$dir/data/tmp" "$dir/data/user_files" "$dir/data/format_schemas" "$dir/log"
  http=$(free_port)
  tcp=$(free_port)
  inter=$(free_port)
  cp "$CONFIG_DIR/users.xml" "$dir/users.xml"
  sed -e "s#/var/lib/clickhouse/#$dir/data/#g" \
    -e "s#/var/log/clickhouse-server/#$dir/log/#g" \
    -e "s#<http_port>8123</http_port>#<http_port>$http</http_port>#" \
    -e "s#<tcp_port>9000</tcp_port>#<tcp_port>$tcp</tcp_port>#" \
    -e "s#<port>9000</port>#<port>$tcp</port>#g" \
    -e "s#<interserver_http_port>9009</interserver_http_port>#<interserver_http_port>$inter</interserver_http_port>#" \
    -e "s#<listen_host>::1</listen_host>##" \
    -e "s#<!-- <timezone>Europe/Moscow</timezone> -->#<timezone>UTC</timezone>#" \
    "$CONFIG_DIR/config.xml" >"$dir/config.xml"
  # exec, and every standard stream redirected: nothing may keep the caller's stdout open, or a
  # caller reading this script's output through $(...) would wait for the server to exit
  (cd "$dir" && exec clickhouse-server --config-file="$dir/config.xml" </dev/null >"$dir/log/stdout.log" 2>&1) \
    </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/pid"
  for _ in $(seq 1 120); do
    if answers "$http"; then
      echo "CLICKHOUSE_HTTP_PORT=$http"
      echo "CLICKHOUSE_TCP_PORT=$tcp"
      echo "CLICKHOUSE_DIR=$dir"
      return 0
    fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "clickhouse-server did not answer on port $http; log:" >&2
  tail -n 20 "$dir/log/stdout.log" "$dir/log/clickhouse-server.err.log" >&2 2>/dev/null || true
  stop "$dir"
  exit 1
}

stop() {
  local dir=${1:-${CLICKHOUSE_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "usage: $0 stop <folder printed by start>" >&2; exit 1; }
  if [ -f "$dir/pid" ]; then
    local pid
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  case "$dir" in
    "${TMPDIR:-/tmp}"/clickhouse.*) rm -rf "$dir" ;;
    *) echo "not removing $dir (not a folder made by start)" >&2 ;;
  esac
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop <folder>" >&2; exit 2 ;;
esac
