#!/usr/bin/env bash
# Normative scaled out on one machine, all on loopback, all from Debian's packages (figures in
# bench/RESULTS.md, "## Scaling out"):
#   a PostgreSQL 15 primary and a streaming replica (pg_basebackup -R), PgBouncer in transaction
#   mode in front of the primary, 1 to 3 app nodes (Production, Database__MigrateOnStart=false,
#   `normative migrate` run first straight against PostgreSQL, anonymous reads from the replica),
#   HAProxy in front with health checks on /healthz/ready, and wrk.
#   1. requests/s through HAProxy with 1, 2 and 3 nodes (the home page, 32 connections);
#   2. a node SIGKILLed under load: failed requests;
#   3. the replica stopped under load: failed requests (reads fall back to the primary);
#   4. synchronous replication on, a writer through PgBouncer; the primary stopped (immediate),
#      the replica promoted (pg_ctl promote) and PgBouncer pointed at it (new config + SIGHUP):
#      the time until writes resume, and whether every acknowledged write is on the new primary.
#
# Usage: bench/scaleout/run.sh      Needs: the .NET SDK, postgresql, pgbouncer, haproxy, wrk, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=${BENCH_DATA:-/tmp/normative-bench-scaleout}
DURATION=${BENCH_DURATION:-15}
APP=$(pwd)/src/Normative/bin/Release/net10.0/Normative.dll
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
BALANCER=5300 BOUNCER=6433
for tool in /usr/sbin/pgbouncer /usr/sbin/haproxy /usr/bin/wrk; do
  [ -x "$tool" ] || { echo "bench/scaleout: $tool is missing (apt-get install pgbouncer haproxy wrk)." >&2; exit 1; }
done

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
ms() { date +%s%3N; }

rm -rf "$DATA"; mkdir -p "$DATA/mail"; chmod 0755 "$DATA"
PRIMARY=$DATA/primary REPLICA=$DATA/replica
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  as_pg "$BIN/pg_ctl" stop -D "$PRIMARY" -m immediate -s 2>/dev/null || true
  as_pg "$BIN/pg_ctl" stop -D "$REPLICA" -m immediate -s 2>/dev/null || true
}
trap cleanup EXIT

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"
dotnet build Normative.slnx -c Release -nologo -v quiet

mkdir -p "$PRIMARY" "$REPLICA"; chmod 0700 "$PRIMARY" "$REPLICA"
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PRIMARY" "$REPLICA"
as_pg "$BIN/initdb" -D "$PRIMARY" -U normative --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions >/dev/null
cat >> "$PRIMARY/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$PRIMARY'
max_connections = 200
EOF
as_pg "$BIN/pg_ctl" start -D "$PRIMARY" -w -l "$PRIMARY/server.log" -s
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -h "$PRIMARY" -U normative -d postgres -c "CREATE DATABASE normative"
as_pg "$BIN/pg_basebackup" -h "$PRIMARY" -U normative -D "$REPLICA" -R -X stream
rm -f "$REPLICA/.s.PGSQL.5432.lock" "$REPLICA/server.log"
echo "unix_socket_directories = '$REPLICA'" >> "$REPLICA/postgresql.auto.conf"
as_pg "$BIN/pg_ctl" start -D "$REPLICA" -w -l "$REPLICA/server.log" -s

bouncer() {
  cat > "$DATA/pgbouncer.ini" <<EOF
[databases]
normative = host=$1 port=5432 dbname=normative user=normative
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER
unix_socket_dir =
auth_type = trust
auth_file = $DATA/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
server_connect_timeout = 2
# After a failed connection PgBouncer waits this long before trying the server again (15 s by default).
server_login_retry = 1
ignore_startup_parameters = extra_float_digits
EOF
}
echo '"normative" ""' > "$DATA/userlist.txt"
bouncer "$PRIMARY"
if [ "$(id -u)" -eq 0 ]; then /usr/sbin/pgbouncer -u postgres "$DATA/pgbouncer.ini" > "$DATA/pgbouncer.log" 2>&1 &
else /usr/sbin/pgbouncer "$DATA/pgbouncer.ini" > "$DATA/pgbouncer.log" 2>&1 &
fi
pgbouncer_pid=$!; pids+=("$pgbouncer_pid")

openssl req -x509 -newkey rsa:3072 -nodes -days 36500 -subj /CN=normative -keyout "$DATA/key.pem" -out "$DATA/cert.pem" 2>/dev/null
cat "$DATA/cert.pem" "$DATA/key.pem" > "$DATA/data-protection.pem"
export DOTNET_ENVIRONMENT=Production DOTNET_NOLOGO=1 \
  Database__MigrateOnStart=false Database__PrepareStatements=false Site__BaseUrl="http://127.0.0.1:$BALANCER" \
  DataProtection__Certificate="$DATA/data-protection.pem" Mail__PickupDirectory="$DATA/mail" \
  Proxy__KnownProxies=127.0.0.1 Logging__LogLevel__Default=Warning \
  ConnectionStrings__NormativeReplica="Host=$REPLICA,$PRIMARY;Username=normative;Database=normative;Target Session Attributes=prefer-standby;Host Recheck Seconds=2"
unset ASPNETCORE_ENVIRONMENT
ConnectionStrings__Normative="Host=$PRIMARY;Username=normative;Database=normative" dotnet "$APP" migrate
export ConnectionStrings__Normative="Host=127.0.0.1;Port=$BOUNCER;Username=normative;Database=normative;No Reset On Close=true;Maximum Pool Size=40"

declare -A node_pid
start_node() {
  NORMATIVE_DATA="$DATA/node$1" dotnet "$APP" --urls "http://127.0.0.1:$((5200 + $1))" >> "$DATA/node$1.log" 2>&1 &
  node_pid[$1]=$!; pids+=("$!")
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$((5200 + $1))/healthz/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "http://127.0.0.1:$((5200 + $1))/"
}
haproxy_pid=""
balance() {
  { cat <<EOF
global
    maxconn 4000
defaults
    mode http
    timeout connect 1s
    timeout check 3s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout
frontend web
    bind 127.0.0.1:$BALANCER
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz/ready ver HTTP/1.1 hdr Host 127.0.0.1
    default-server inter 500 fall 2 rise 2
EOF
    for n in $(seq 1 "$1"); do echo "    server node$n 127.0.0.1:$((5200 + n)) check"; done; } > "$DATA/haproxy.cfg"
  [ -z "$haproxy_pid" ] || { kill "$haproxy_pid"; wait "$haproxy_pid" 2>/dev/null || true; }
  /usr/sbin/haproxy -db -f "$DATA/haproxy.cfg" > "$DATA/haproxy.log" 2>&1 &
  haproxy_pid=$!; pids+=("$!")
  sleep 2
}
load() { wrk -t2 -c32 -d"${1}s" --latency "http://127.0.0.1:$BALANCER/"; }
summary() { awk '/Requests\/sec/ {r=$2} /Non-2xx/ {n=$NF} /Socket errors/ {s=$0} /requests in/ {t=$1} END {printf "%s req/s, %s requests, non-2xx %s, %s\n", r, t, (n==""?0:n), (s==""?"no socket errors":s)}'; }

declare -A rate
for n in 1 2 3; do
  start_node "$n"
  balance "$n"
  load 10 > /dev/null                                     # warm-up: the JIT, the caches
  out=$(load "$DURATION"); rate[$n]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  echo "== $n node(s): $(summary <<<"$out")"
done
echo "== ratios: 2 nodes $(awk "BEGIN {printf \"%.2f\", ${rate[2]}/${rate[1]}}"), 3 nodes $(awk "BEGIN {printf \"%.2f\", ${rate[3]}/${rate[1]}}") × 1 node"

load "$DURATION" > "$DATA/kill.txt" & w=$!
sleep 5; kill -9 "${node_pid[3]}"
wait "$w"; echo "== node 3 SIGKILLed at 5 s of $DURATION: $(summary < "$DATA/kill.txt")"

load "$DURATION" > "$DATA/replica.txt" & w=$!
sleep 5; as_pg "$BIN/pg_ctl" stop -D "$REPLICA" -m fast -w -s
wait "$w"; echo "== replica stopped at 5 s of $DURATION: $(summary < "$DATA/replica.txt")"
as_pg "$BIN/pg_ctl" start -D "$REPLICA" -w -l "$REPLICA/server.log" -s

psql -h "$PRIMARY" -U normative -d normative -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
until [ "$(psql -h "$PRIMARY" -U normative -d postgres -Atc "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" = 1 ]; do sleep 0.2; done
psql -h 127.0.0.1 -p $BOUNCER -U normative -d normative -c "CREATE TABLE failover_probe (id int PRIMARY KEY)"
: > "$DATA/acknowledged"
( i=0; while [ ! -f "$DATA/stop-writer" ]; do
    i=$((i + 1))
    if PGCONNECT_TIMEOUT=2 command psql -X -q -h 127.0.0.1 -p $BOUNCER -U normative -d normative -c "INSERT INTO failover_probe VALUES ($i)" 2>/dev/null; then
      echo "$i $(ms)" >> "$DATA/acknowledged"
    fi
    sleep 0.05
  done ) & writer=$!
sleep 3
stopped=$(ms)
as_pg "$BIN/pg_ctl" stop -D "$PRIMARY" -m immediate -s
as_pg "$BIN/pg_ctl" promote -D "$REPLICA" -w -s
promoted=$(ms)
bouncer "$REPLICA"; kill -HUP "$pgbouncer_pid"
until awk -v t="$stopped" '$2 > t {found=1} END {exit !found}' "$DATA/acknowledged"; do sleep 0.05; done
resumed=$(awk -v t="$stopped" '$2 > t {print $2; exit}' "$DATA/acknowledged")
sleep 2; touch "$DATA/stop-writer"; wait "$writer"
acknowledged=$(wc -l < "$DATA/acknowledged")
kept=$(psql -h "$REPLICA" -U normative -d normative -Atc "SELECT count(*) FROM failover_probe WHERE id IN ($(cut -d' ' -f1 "$DATA/acknowledged" | paste -sd,))")
echo "== primary stopped; promoted after $((promoted - stopped)) ms; writes through PgBouncer resumed after $((resumed - stopped)) ms; $kept of $acknowledged acknowledged writes on the new primary"
curl -fs -o /dev/null -w "== the site through HAProxy after the failover: %{http_code}\n" "http://127.0.0.1:$BALANCER/"
echo "== load after: $(uptime)"
