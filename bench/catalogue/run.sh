#!/usr/bin/env bash
# The catalogue at ISO's scale (figures in bench/RESULTS.md, "## Catalogue"):
#   1. generate 80,000 deliverables with the app's own `normative demo generate` (kept in /tmp),
#   2. time `normative import deliverables` into an empty catalogue (with the tiered JIT off, as a
#      batch job may run, and with .NET's defaults), then the same file again (nothing changes),
#   3. serve the app in Release (Production) and measure with wrk: one standard page, 1,000
#      standard pages, and 200 realistic searches; the same standard page's bytes served by nginx
#      as the ceiling; an Editor's change to one deliverable (10 s of the 1,000 pages before it and
#      10 s after); then the same without the output cache.
# The app and its embedded PostgreSQL (started by the app, so it inherits the affinity) run on
# core 0, nginx too; wrk runs on core 1. Other work on the machine skews the figures: the script
# prints `uptime` first and last, and RESULTS.md says what the load was.
#
# Every figure is also written as `key<TAB>value` lines to $OUT/results.tsv (or to $BENCH_RESULTS,
# appended, when bench/run.sh runs this script as part of the whole table).
#
# Usage: bench/catalogue/run.sh                      (BENCH_DELIVERABLES=80000 by default)
#        BENCH_SKIP_IMPORT=1 bench/catalogue/run.sh  (reuse the loaded database)
#        BENCH_DURATION=30s (each measurement), BENCH_WARMUP=60 (seconds of warm-up after start-up)
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${BENCH_DELIVERABLES:-80000}
JSONL=${BENCH_JSONL:-/tmp/deliverables-$((N / 1000))k.jsonl}
DATA=${BENCH_DATA:-/tmp/normative-bench-catalogue}
PORT=${BENCH_PORT:-5097}
NGINX_PORT=${BENCH_NGINX_PORT:-5098}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-60}
OUT=${BENCH_OUT:-$DATA-results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
HERE=bench/catalogue
RESULTS=${BENCH_RESULTS:-$OUT/results.tsv}
# shellcheck source=bench/lib.sh
. bench/lib.sh

for tool in wrk nginx taskset python3 curl openssl psql; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install wrk nginx util-linux python3 curl openssl postgresql-client)" >&2; exit 1; }
done

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"

dotnet build src/Normative -c Release -nologo -v quiet
export ASPNETCORE_ENVIRONMENT=Production NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
mkdir -p "$OUT"
[ -n "${BENCH_RESULTS:-}" ] || : > "$RESULTS"
# What Production requires and a bench machine does not have: the embedded database, the site's
# address, a certificate for the sign-in keys (made once, kept beside the results) and a mail
# pickup folder instead of an SMTP server.
if [ ! -f "$OUT/data-protection.pem" ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 36500 -subj /CN=normative-bench \
    -keyout "$OUT/dp-key.pem" -out "$OUT/dp-cert.pem" 2>/dev/null
  cat "$OUT/dp-cert.pem" "$OUT/dp-key.pem" > "$OUT/data-protection.pem"
fi
export Database__Embedded=true Site__BaseUrl="http://127.0.0.1:$PORT" \
  DataProtection__Certificate="$OUT/data-protection.pem" Mail__PickupDirectory="$OUT/mail"

if [ ! -f "$JSONL" ]; then
  echo "== generating $N deliverables into $JSONL"
  dotnet "$APP" demo generate --deliverables "$N" --out "$JSONL"
fi
echo "== data set: $(wc -l < "$JSONL") lines, $(du -h "$JSONL" | cut -f1)"
record catalogue.deliverables "$(wc -l < "$JSONL")"

# The import's own figure ("… in 8.7 s."), the whole command's wall time and its peak RSS.
record_import() { # key output-file
  record "$1.seconds" "$(sed -n 's/.* in \([0-9.]*\) s\.$/\1/p' "$2" | tail -n 1)"
  record "$1.wall_seconds" "$(sed -n 's/.*: \([0-9.]*\) s wall.*/\1/p' "$2" | tail -n 1)"
  record "$1.rss_kb" "$(sed -n 's/.*peak RSS \([0-9]*\) KB.*/\1/p' "$2" | tail -n 1)"
}

load_catalogue() { # key, then extra environment for the import, e.g. DOTNET_TieredCompilation=0
  local key=$1
  shift
  rm -rf "$DATA"
  mkdir -p "$DATA"
  taskset -c 0 dotnet "$APP" import ics src/Normative/Cli/Demo/Data/Catalogue/ics-ed7.jsonl
  taskset -c 0 dotnet "$APP" import committees src/Normative/Cli/Demo/Data/Catalogue/sample-committees.jsonl
  /usr/bin/time -f "import: %e s wall (process start, database start and check included), peak RSS %M KB" \
    env "$@" taskset -c 0 dotnet "$APP" import deliverables "$JSONL" > "$OUT/$key.txt" 2>&1
  tail -n 3 "$OUT/$key.txt" | tee -a "$OUT/import.txt"
  record_import "catalogue.$key" "$OUT/$key.txt"
}

if [ -z "${BENCH_SKIP_IMPORT:-}" ]; then
  : > "$OUT/import.txt"
  # On one core the JIT's tiers compete with the import itself; a batch job may turn tiering off.
  echo "== import of $N deliverables into an empty catalogue, tiered JIT off (DOTNET_TieredCompilation=0)"
  load_catalogue import-tiering-off DOTNET_TieredCompilation=0
  echo "== import of $N deliverables into an empty catalogue, .NET defaults (ICS and committees loaded first)"
  load_catalogue import DOTNET_TieredCompilation=1
  echo "== the same file again (nothing changes)"
  /usr/bin/time -f "re-import: %e s wall, peak RSS %M KB" taskset -c 0 dotnet "$APP" import deliverables "$JSONL" > "$OUT/reimport.txt" 2>&1
  tail -n 3 "$OUT/reimport.txt" | tee -a "$OUT/import.txt"
  record_import catalogue.reimport "$OUT/reimport.txt"
fi

echo "== preparing request lists"
python3 "$HERE/requests.py" "$JSONL" "$OUT"
PAGE=$(head -n 1 "$OUT/standard-one.txt")

SERVER=""
SERVER_NAME=""
stop_server() {
  if [ -n "$SERVER" ]; then
    record_peak_rss "catalogue.server-$SERVER_NAME.rss_kb" "$SERVER"
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}
NGINX=""
stop_nginx() {
  if [ -n "$NGINX" ]; then
    kill "$NGINX" 2>/dev/null || true
    wait "$NGINX" 2>/dev/null || true
    NGINX=""
  fi
}
trap 'stop_server; stop_nginx' EXIT

serve() { # name, then extra configuration
  SERVER_NAME=$1
  shift
  # shellcheck disable=SC2086 # SERVER_JIT is a list of NAME=value words
  env $SERVER_JIT taskset -c 0 dotnet "$APP" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning "$@" > "$OUT/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "run.sh: the app did not start; see $OUT/server.log" >&2
  exit 1
}

measure() { # name list connections [port]
  local port=${4:-$PORT}
  echo "== $1: warm-up"
  taskset -c 1 wrk -t2 -c"$3" -d5s -s "$HERE/paths.lua" "http://127.0.0.1:$port" -- "$OUT/$2" >/dev/null
  echo "== $1: wrk -t2 -c$3 -d$DURATION --latency"
  taskset -c 1 wrk -t2 -c"$3" -d"$DURATION" --latency -s "$HERE/paths.lua" "http://127.0.0.1:$port" -- "$OUT/$2" | tee "$OUT/wrk-$1.txt"
  record_wrk "catalogue.$1" "$OUT/wrk-$1.txt"
}

echo "== serving on core 0, output cache on"
serve cached
# On one saturated core the JIT's optimizing tier only gets the CPU now and then: the app needs
# about a minute of load before it runs at full speed (measured: a standard page served 5,300
# requests/s after 15 s and 25,000 after 45 s).
echo "== warm-up: $WARMUP s of standard pages and searches"
for list in standard-one standard-mix search; do
  taskset -c 1 wrk -t2 -c64 -d$((WARMUP / 3))s -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/$list.txt" >/dev/null
done
measure standard-one standard-one.txt 64
measure standard-mix standard-mix.txt 64
measure search search.txt 64
measure search-16 search.txt 16
curl -s -o "$OUT/standard.html" "http://127.0.0.1:$PORT$PAGE"
echo "== standard page $PAGE: $(wc -c < "$OUT/standard.html") bytes"

# An Editor's change as another node's save reaches this one: a row changed in PostgreSQL, seen
# by the version poll (Catalogue:VersionPollSeconds). The other pages should stay cached, so the
# 10 s after the change serve about as many of the 1,000 pages as the 10 s before.
ID=${PAGE##*/}
if [ -r "$DATA/postgres/postmaster.pid" ]; then
  # The fifth line of postmaster.pid is the folder of the cluster's Unix socket.
  SOCKET=$(sed -n 5p "$DATA/postgres/postmaster.pid")
  echo "== an Editor's change to deliverable $ID: 10 s of the 1,000 pages before and after"
  taskset -c 1 wrk -t2 -c64 -d10s --latency -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/standard-mix.txt" | tee "$OUT/wrk-before-edit.txt"
  psql -q -h "$SOCKET" -U normative -d normative \
    -c "UPDATE deliverables SET title_en = title_en || ' (edited by bench)' WHERE id = $ID"
  taskset -c 1 wrk -t2 -c64 -d10s --latency -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/standard-mix.txt" | tee "$OUT/wrk-after-edit.txt"
  record_wrk catalogue.before-edit "$OUT/wrk-before-edit.txt"
  record_wrk catalogue.after-edit "$OUT/wrk-after-edit.txt"
  if curl -fs "http://127.0.0.1:$PORT$PAGE" | grep -q "(edited by bench)"; then
    echo "== $PAGE shows the change"
    record catalogue.edit.shown 1
  else
    echo "== $PAGE does NOT show the change" >&2
    record catalogue.edit.shown 0
  fi
else
  echo "== no $DATA/postgres/postmaster.pid (the cluster lives elsewhere): the Editor's change is not measured" >&2
fi
stop_server

echo "== the same page as a static file from nginx on core 0"
mkdir -p "$OUT/www$(dirname "$PAGE")"
cp "$OUT/standard.html" "$OUT/www$PAGE"
cat > "$OUT/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/www;
    location / { default_type "text/html; charset=utf-8"; }
  }
}
EOF
taskset -c 0 nginx -c "$OUT/nginx.conf" -p "$OUT" &
NGINX=$!
sleep 1
measure nginx standard-one.txt 64 "$NGINX_PORT"
record catalogue.nginx.bytes "$(wc -c < "$OUT/standard.html")"
stop_nginx

echo "== serving on core 0, output cache off (every request reaches the page and PostgreSQL)"
serve uncached --Catalogue:OutputCache=false
for list in standard-mix search; do
  taskset -c 1 wrk -t2 -c16 -d$((WARMUP / 3))s -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/$list.txt" >/dev/null
done
measure uncached-standard-mix standard-mix.txt 64
measure uncached-search search.txt 64
measure uncached-search-16 search.txt 16
stop_server

echo "== load after: $(uptime)"
