#!/usr/bin/env bash
# Reading at a standard's real size (figures in bench/RESULTS.md, "## Reading"):
#   1. build a ~1 MB ISO STS text from the STS samples (generate.py: 145 clauses with 3
#      sub-clauses each, tables, formulas, lists, 96 term entries),
#   2. time `normative import sts --create` into an empty database, then the same file again,
#   3. serve the app in Release (Development settings, as bench/site) WITHOUT the output cache and measure with wrk the
#      reader as an anonymous visitor (the preview), as a signed-in Editor (every clause), the
#      text API, and a mix of terms searches.
# The app and its embedded PostgreSQL run on core 0, wrk on core 1.
# Usage: bench/reading/run.sh   (BENCH_DURATION=30s by default)
set -euo pipefail
cd "$(dirname "$0")/../.."

SAMPLES=${BENCH_SAMPLES:-../shared/data/sts}
DATA=${BENCH_DATA:-/tmp/normative-bench-reading}
PORT=${BENCH_PORT:-5099}
DURATION=${BENCH_DURATION:-30s}
OUT=${BENCH_OUT:-$DATA-results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
HERE=bench/reading
EMAIL=bench-editor@example.org
PASSWORD="a long bench passphrase"

for tool in wrk taskset python3 curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install wrk util-linux python3 curl)" >&2; exit 1; }
done

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"

[ -n "${BENCH_SKIP_BUILD:-}" ] || dotnet build src/Normative -c Release -nologo -v quiet
# Development, as bench/site does: Production wants a mail server, a public address and a key certificate.
export ASPNETCORE_ENVIRONMENT=Development NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
rm -rf "$DATA" "$OUT"
mkdir -p "$DATA" "$OUT"

python3 "$HERE/generate.py" "$SAMPLES" "$OUT/standard.xml"
taskset -c 0 dotnet "$APP" migrate >/dev/null
echo "== import of a $(du -k "$OUT/standard.xml" | cut -f1) KB STS text (the whole command: process and database start included)"
/usr/bin/time -f "import: %e s wall, peak RSS %M KB" taskset -c 0 dotnet "$APP" import sts --create "$OUT/standard.xml" 2>&1 | tee "$OUT/import.txt"
echo "== the same file again (nothing changes)"
/usr/bin/time -f "re-import: %e s wall" taskset -c 0 dotnet "$APP" import sts "$OUT/standard.xml" 2>&1 | tee -a "$OUT/import.txt"
echo "== the import alone, measured inside the app by a second process timing 3 replacements"
for release in 2024-02-01 2024-03-01 2024-04-01; do
  sed "s/<release-date>2024-01-15</<release-date>$release</" "$OUT/standard.xml" > "$OUT/release.xml"
  /usr/bin/time -f "replace ($release): %e s wall" taskset -c 0 dotnet "$APP" import sts "$OUT/release.xml" 2>&1 | tail -n 2 | tee -a "$OUT/import.txt"
done
taskset -c 0 dotnet "$APP" users create --email "$EMAIL" --role Editor --password "$PASSWORD" >/dev/null

SERVER=""
stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}
trap stop_server EXIT
taskset -c 0 dotnet "$APP" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning --Catalogue:OutputCache=false > "$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 1
done

BASE="http://127.0.0.1:$PORT"
ID=$(curl -fs "$BASE/api/v1/deliverables?q=99001" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
READ="/standard/$ID/read/en"
# Sign the Editor in through the form; wrk sends the sign-in cookie.
JAR="$OUT/cookies.txt"
TOKEN=$(curl -fs -c "$JAR" "$BASE/account/signin" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/account/signin"
COOKIE=$(awk '$6 ~ /Identity.Application/ {print $6 "=" $7}' "$JAR")
[ -n "$COOKIE" ] || { echo "run.sh: could not sign in" >&2; exit 1; }

python3 - "$OUT/terms.txt" <<'PY'
import sys
queries = ["buoyancy", "bouyancy", "chart", "reynolds", "reunion", "defaillance", "marteau piqueur", "fire", "flame", "absolute pressure",
           "glue", "implant", "crane", "mètre", "environment", "область", "disturbance", "database", "term bank", "competence"]
open(sys.argv[1], "w").write("".join(f"/api/v1/terms?q={q.replace(' ', '%20')}\n" for q in queries))
PY

echo "== sizes: anonymous $(curl -fs "$BASE$READ" | wc -c) bytes, Editor $(curl -fs -H "Cookie: $COOKIE" "$BASE$READ" | wc -c) bytes, $(curl -fs -H "Cookie: $COOKIE" "$BASE/api/v1/deliverables/$ID/text" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["clauses"]))') clauses"
echo "== warm-up: 30 s"
taskset -c 1 wrk -t1 -c4 -d10s "$BASE$READ" >/dev/null
taskset -c 1 wrk -t1 -c4 -d10s -H "Cookie: $COOKIE" "$BASE$READ" >/dev/null
taskset -c 1 wrk -t1 -c4 -d10s -s bench/catalogue/paths.lua "$BASE" -- "$OUT/terms.txt" >/dev/null

measure() { # name connections wrk-arguments...
  local name=$1 c=$2
  shift 2
  echo "== $name: wrk -c$c -d$DURATION --latency"
  taskset -c 1 wrk -t1 -c"$c" -d"$DURATION" --latency "$@" | tee "$OUT/wrk-$name.txt" | grep -E "Requests/sec|50%|90%|99%"
}
measure reader-anonymous-1 1 "$BASE$READ"
measure reader-editor-1 1 -H "Cookie: $COOKIE" "$BASE$READ"
measure reader-editor-16 16 -H "Cookie: $COOKIE" "$BASE$READ"
measure text-api-editor-1 1 -H "Cookie: $COOKIE" "$BASE/api/v1/deliverables/$ID/text"
measure terms-1 1 -s bench/catalogue/paths.lua "$BASE" -- "$OUT/terms.txt"
measure terms-16 16 -s bench/catalogue/paths.lua "$BASE" -- "$OUT/terms.txt"
echo "== load after: $(uptime)"
