#!/usr/bin/env bash
# The catalogue at ISO's scale (figures in bench/RESULTS.md, "## Catalogue"):
#   1. generate 80,000 deliverables with the app's own `normative demo generate` (kept in /tmp),
#   2. time `normative import deliverables` into an empty catalogue (with the tiered JIT off, as a
#      batch job may run, and with .NET's defaults), then the same file again (nothing changes),
#   3. serve the app in Release (Production) and measure with wrk: one standard page, 1,000
#      standard pages, and 200 realistic searches; the same standard page's bytes served by nginx
#      as the ceiling; then the same without the output cache.
# The app and its embedded PostgreSQL (started by the app, so it inherits the affinity) run on
# core 0, nginx too; wrk runs on core 1. Other work on the machine skews the figures: the script
# prints `uptime` first and last, and RESULTS.md says what the load was.
#
# Usage: bench/catalogue/run.sh                      (BENCH_DELIVERABLES=80000 by default)
#        BENCH_SKIP_IMPORT=1 bench/catalogue/run.sh  (reuse the loaded database)
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${BENCH_DELIVERABLES:-80000}
JSONL=${BENCH_JSONL:-/tmp/deliverables-$((N / 1000))k.jsonl}
DATA=${BENCH_DATA:-/tmp/normative-bench-catalogue}
PORT=${BENCH_PORT:-5097}
NGINX_PORT=${BENCH_NGINX_PORT:-5098}
DURATION=${BENCH_DURATION:-30s}
OUT=${BENCH_OUT:-$DATA-results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
HERE=bench/catalogue

for tool in wrk nginx taskset python3 curl openssl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install wrk nginx util-linux python3 curl openssl)" >&2; exit 1; }
done

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"

dotnet build src/Normative -c Release -nologo -v quiet
export ASPNETCORE_ENVIRONMENT=Production NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
mkdir -p "$OUT"
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

load_catalogue() { # extra environment for the import, e.g. DOTNET_TieredCompilation=0
  rm -rf "$DATA"
  mkdir -p "$DATA"
  taskset -c 0 dotnet "$APP" import ics src/Normative/Cli/Demo/Data/Catalogue/ics-ed7.jsonl
  taskset -c 0 dotnet "$APP" import committees src/Normative/Cli/Demo/Data/Catalogue/sample-committees.jsonl
  /usr/bin/time -f "import: %e s wall (process start, database start and check included), peak RSS %M KB" \
    env "$@" taskset -c 0 dotnet "$APP" import deliverables "$JSONL" 2>&1 | tail -n 3 | tee -a "$OUT/import.txt"
}

if [ -z "${BENCH_SKIP_IMPORT:-}" ]; then
  : > "$OUT/import.txt"
  # On one core the JIT's tiers compete with the import itself; a batch job may turn tiering off.
  echo "== import of $N deliverables into an empty catalogue, tiered JIT off (DOTNET_TieredCompilation=0)"
  load_catalogue DOTNET_TieredCompilation=0
  echo "== import of $N deliverables into an empty catalogue, .NET defaults (ICS and committees loaded first)"
  load_catalogue DOTNET_TieredCompilation=1
  echo "== the same file again (nothing changes)"
  /usr/bin/time -f "re-import: %e s wall" taskset -c 0 dotnet "$APP" import deliverables "$JSONL" 2>&1 | tail -n 3 | tee -a "$OUT/import.txt"
fi

echo "== preparing request lists"
python3 "$HERE/requests.py" "$JSONL" "$OUT"
PAGE=$(head -n 1 "$OUT/standard-one.txt")

SERVER=""
stop_server() {
  if [ -n "$SERVER" ]; then
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

serve() { # extra configuration
  taskset -c 0 dotnet "$APP" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning "$@" > "$OUT/server.log" 2>&1 &
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
}

echo "== serving on core 0, output cache on"
serve
# On one saturated core the JIT's optimizing tier only gets the CPU now and then: the app needs
# about a minute of load before it runs at full speed (measured: a standard page served 5,300
# requests/s after 15 s and 25,000 after 45 s).
echo "== warm-up: 60 s of standard pages and searches"
for list in standard-one standard-mix search; do
  taskset -c 1 wrk -t2 -c64 -d20s -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/$list.txt" >/dev/null
done
measure standard-one standard-one.txt 64
measure standard-mix standard-mix.txt 64
measure search search.txt 64
measure search-16 search.txt 16
curl -s -o "$OUT/standard.html" "http://127.0.0.1:$PORT$PAGE"
echo "== standard page $PAGE: $(wc -c < "$OUT/standard.html") bytes"
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
stop_nginx

echo "== serving on core 0, output cache off (every request reaches the page and PostgreSQL)"
serve --Catalogue:OutputCache=false
for list in standard-mix search; do
  taskset -c 1 wrk -t2 -c16 -d20s -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" -- "$OUT/$list.txt" >/dev/null
done
measure uncached-standard-mix standard-mix.txt 64
measure uncached-search search.txt 64
measure uncached-search-16 search.txt 16
stop_server

echo "== load after: $(uptime)"
