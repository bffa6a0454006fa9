#!/usr/bin/env bash
# The certification registry at full scale (figures in bench/RESULTS.md, "## Certification"):
#   1. generate the data set with the app's own `normative demo generate` (kept in /tmp, never committed),
#   2. load the demo bodies, then time `normative import certificates` on the whole file,
#   3. serve the app in Release (Production) and measure verification by number and
#      organization-name search with wrk, and the app's peak memory.
# The app and its embedded PostgreSQL run on core 0 (PostgreSQL is started by the app, so it
# inherits the affinity); wrk runs on core 1. Other work on the machine skews the figures: the
# script prints `uptime` first and last, and RESULTS.md says what the load was.
#
# Every figure is also written as `key<TAB>value` lines to $OUT/results.tsv (or to $BENCH_RESULTS,
# appended, when bench/run.sh runs this script as part of the whole table).
#
# Usage: bench/certification/run.sh            (BENCH_CERTIFICATES=3000000 by default)
#        BENCH_SKIP_IMPORT=1 bench/certification/run.sh   (reuse the loaded database)
#        BENCH_DURATION=30s (each measurement), BENCH_WARMUP=60 (seconds of warm-up after start-up)
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${BENCH_CERTIFICATES:-3000000}
CSV=${BENCH_CSV:-/tmp/certificates-$((N / 1000))k.csv}
DATA=${BENCH_DATA:-/tmp/normative-bench-certification}
PORT=${BENCH_PORT:-5391}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-60}
OUT=${BENCH_OUT:-$DATA/results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
HERE=bench/certification
# The figures go to a file outside $DATA (which the import empties) until $OUT exists.
RESULTS=${BENCH_RESULTS:-$(mktemp)}
# shellcheck source=bench/lib.sh
. bench/lib.sh

for tool in wrk taskset python3 openssl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install wrk util-linux python3 openssl)" >&2; exit 1; }
done

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"

dotnet build src/Normative -c Release -nologo -v quiet
export ASPNETCORE_ENVIRONMENT=Production NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
# Production refuses to start without its settings (the README's settings table): here a private
# embedded database, the loopback address, mail written as files, and a data-protection key made once.
KEY=${BENCH_KEY:-/tmp/normative-bench-data-protection.pem}
if [ ! -f "$KEY" ]; then
  openssl req -x509 -newkey rsa:3072 -nodes -days 36500 -subj /CN=normative -keyout "$KEY.key" -out "$KEY.crt" 2>/dev/null
  cat "$KEY.crt" "$KEY.key" > "$KEY" && rm "$KEY.crt" "$KEY.key"
fi
export Database__Embedded=true Site__BaseUrl="http://127.0.0.1:$PORT" Mail__PickupDirectory="$DATA/mail" DataProtection__Certificate="$KEY"

if [ ! -f "$CSV" ]; then
  echo "== generating $N certificates into $CSV"
  dotnet "$APP" demo generate --certificates "$N" --out "$CSV"
fi
echo "== data set: $(wc -l < "$CSV") lines, $(du -h "$CSV" | cut -f1)"
record certification.certificates $(($(wc -l < "$CSV") - 1))

if [ -z "${BENCH_SKIP_IMPORT:-}" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  echo "== demo bodies and accreditations (and 3,000 demo certificates)"
  taskset -c 0 dotnet "$APP" demo --contentRoot="$PWD/src/Normative"
  echo "== import (app and PostgreSQL on core 0)"
  status=0
  /usr/bin/time -f "import: %e s wall, peak RSS of the app %M KB" taskset -c 0 dotnet "$APP" import certificates "$CSV" --contentRoot="$PWD/src/Normative" > "$DATA/import.txt" 2>&1 || status=$?
  tail -n 3 "$DATA/import.txt"
  # The command's own figures: "… (633.6 s, 4,735 rows/s)".
  record certification.import.seconds "$(sed -n 's/.*(\([0-9.,]*\) s, .* rows\/s)$/\1/p' "$DATA/import.txt" | tail -n 1 | tr , .)"
  record certification.import.rows_per_s "$(sed -n 's/.* s, \(.*\) rows\/s)$/\1/p' "$DATA/import.txt" | tail -n 1 | tr -cd 0-9)"
  record certification.import.wall_seconds "$(sed -n 's/^import: \([0-9.]*\) s wall.*/\1/p' "$DATA/import.txt")"
  record certification.import.rss_kb "$(sed -n 's/.*peak RSS of the app \([0-9]*\) KB.*/\1/p' "$DATA/import.txt")"
  # Exit 2 means some rows were rejected and the rest loaded: the demo's own certificates share numbers
  # with the generated file, and a few of them may not change status as the file asks.
  [ "$status" -le 2 ] || exit "$status"
fi
mkdir -p "$OUT"
if [ -z "${BENCH_RESULTS:-}" ]; then
  mv "$RESULTS" "$OUT/results.tsv"
  RESULTS=$OUT/results.tsv
fi

echo "== preparing request lists"
python3 "$HERE/requests.py" "$CSV" "$OUT"

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "run.sh: something already listens on port $PORT; set BENCH_PORT" >&2
  exit 1
fi
echo "== serving on core 0"
# The content root is the project folder, as for `dotnet run`: appsettings.json (which keeps
# ASP.NET Core's per-request logs at Warning) and wwwroot are found there.
# shellcheck disable=SC2086 # SERVER_JIT is a list of NAME=value words
env $SERVER_JIT taskset -c 0 dotnet "$APP" --contentRoot="$PWD/src/Normative" --urls "http://127.0.0.1:$PORT" \
  --Certification:RateLimit:PermitLimit=1000000000 --Certification:ExpiryJob:Enabled=false \
  --Logging:LogLevel:Default=Warning --Metrics:AllowedAddresses=127.0.0.1 > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "run.sh: the app did not start; see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
APPPID=$SERVER

# CPU time (in clock ticks) used so far by the app and by every process of its PostgreSQL cluster.
# Other work on a shared machine stretches wall-clock figures, not these: CPU per request tells
# what one dedicated core would sustain.
ticks() {
  local pm total=0 pid
  pm=$(head -n 1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
  for pid in $APPPID $pm $(pgrep -P "${pm:-0}" 2>/dev/null || true); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo $total
}

# The verification cache's hits and misses so far, from the app's /metrics: "hits misses".
cache_counts() {
  curl -fsS "http://127.0.0.1:$PORT/metrics" | awk '/^normative_verification_cache_hits_total/ {h = $2} /^normative_verification_cache_misses_total/ {m = $2}
    END { if (h == "" || m == "") { print "run.sh: /metrics shows no verification cache counts" > "/dev/stderr"; exit 1 } print h, m }'
}

run() { # name script connections
  echo "== $1: warm-up"
  taskset -c 1 wrk -t2 -c"$3" -d5s -s "$OUT/$2" "http://127.0.0.1:$PORT" >/dev/null
  echo "== $1: wrk -t2 -c$3 -d$DURATION --latency"
  local before after requests
  local hits0 misses0 hits1 misses1 counts
  if [ "$1" = verify ]; then
    counts=$(cache_counts)
    read -r hits0 misses0 <<< "$counts"
  fi
  before=$(ticks)
  taskset -c 1 wrk -t2 -c"$3" -d"$DURATION" --latency -s "$OUT/$2" "http://127.0.0.1:$PORT" | tee "$OUT/$1.txt"
  after=$(ticks)
  if [ "$1" = verify ]; then
    counts=$(cache_counts)
    read -r hits1 misses1 <<< "$counts"
    echo "verify: the cache answered $((hits1 - hits0)), the database $((misses1 - misses0))" | tee -a "$OUT/$1.txt"
    record certification.verify.cache_hits $((hits1 - hits0))
    record certification.verify.cache_misses $((misses1 - misses0))
  fi
  requests=$(awk '/requests in/ {print $1}' "$OUT/$1.txt")
  record_wrk "certification.$1" "$OUT/$1.txt"
  record "certification.$1.cpu_ms_per_request" "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", 1000 * t / hz / n }')"
  awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    ms = 1000 * t / hz / n; printf "%s: app + PostgreSQL used %.1f s of CPU, %.3f ms per request: about %d requests/s on one dedicated core\n", "'"$1"'", t / hz, ms, 1000 / ms }' | tee -a "$OUT/$1.txt"
  if grep -q "Non-2xx" "$OUT/$1.txt"; then
    echo "run.sh: $1 got error answers; the figures above do not count" >&2
  fi
}
# On one saturated core the optimizing JIT tier needs about a minute of load before the app runs
# at full speed (bench/catalogue/run.sh measured the same): warm up with the whole mix first.
echo "== warm-up: $WARMUP s of verifications and searches"
taskset -c 1 wrk -t2 -c64 -d$((WARMUP * 2 / 3))s -s "$OUT/verify.lua" "http://127.0.0.1:$PORT" >/dev/null
taskset -c 1 wrk -t2 -c64 -d$((WARMUP / 3))s -s "$OUT/search.lua" "http://127.0.0.1:$PORT" >/dev/null
# Then every certificate of the verification mix once, so the measurement sees a warm cache.
python3 "$HERE/warm.py" 127.0.0.1 "$PORT" "$OUT/verify-paths.txt"
run verify verify.lua 64
run search search.lua 64
run search-16 search.lua 16

echo "== statistics page, first (uncached) and second request"
curl -s -o /dev/null -w "%{http_code} %{time_total}\n" "http://127.0.0.1:$PORT/certification/statistics" > "$OUT/statistics.txt"
curl -s -o /dev/null -w "%{http_code} %{time_total}\n" "http://127.0.0.1:$PORT/certification/statistics" >> "$OUT/statistics.txt"
read -r code computed < <(sed -n 1p "$OUT/statistics.txt")
read -r _ cached < <(sed -n 2p "$OUT/statistics.txt")
echo "statistics (computed): $computed s (HTTP $code)"
echo "statistics (cached): $cached s"
record certification.statistics.status "$code"
record certification.statistics.computed_seconds "$computed"
record certification.statistics.cached_seconds "$cached"

# The cache stops while the registry's notifications are not known to arrive (RegistryChangeListener).
echo "== cache outages logged: $(grep -c "notifications do not arrive" "$OUT/server.log" || true)"
echo "== app peak memory: $(grep VmHWM /proc/$APPPID/status)"
record_peak_rss certification.server.rss_kb "$APPPID"
echo "== load after: $(uptime)"
