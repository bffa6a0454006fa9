#!/usr/bin/env bash
# A 200 MB document up and down through the API with the app's memory watched (figures in
# bench/RESULTS.md, "## Documents"). Starts the app on an empty embedded database, creates an
# administrator with a personal API token and a committee, warms the paths with a small file, then
# uploads and downloads BENCH_SIZE_MB of random bytes (a "PDF": %PDF- then noise) with curl while
# sampling the app process's resident memory (VmRSS in /proc/PID/status) every 50 ms. Checks the
# downloaded bytes' SHA-256 against the upload's. The done-when: peak RSS during the transfers at
# most 50 MB above the RSS before them.
#
# Usage: bench/documents/run.sh   (BENCH_SIZE_MB=200, BENCH_PORT=5097, BENCH_DATA=/tmp/normative-bench-documents)
# Needs: the .NET SDK, PostgreSQL's server binaries, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=${BENCH_DATA:-/tmp/normative-bench-documents}
PORT=${BENCH_PORT:-5097}
SIZE_MB=${BENCH_SIZE_MB:-200}
OUT=${BENCH_OUT:-$DATA-results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
URL="http://127.0.0.1:$PORT"
rm -rf "$DATA" "$OUT"
mkdir -p "$DATA" "$OUT"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"
[ -n "${BENCH_SKIP_BUILD:-}" ] || dotnet build Normative.slnx -c Release -nologo -v quiet

export ASPNETCORE_ENVIRONMENT=Development NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
# The register's limit above the file's size; the app's other settings are its defaults.
export Documents__MaxUploadBytes=$(( (SIZE_MB + 50) * 1024 * 1024 ))
dotnet "$APP" users create --email bench@example.org --role Administrator --password 'a long bench passphrase' > /dev/null
TOKEN=$(dotnet "$APP" users token create --email bench@example.org --name bench | tail -n 1)

dotnet "$APP" --urls "$URL" > "$OUT/app.log" 2>&1 &
app=$!
sampler=""
trap 'kill $app 2>/dev/null || true; [ -n "$sampler" ] && kill $sampler 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -fs -o /dev/null "$URL/healthz/live" && break; sleep 1; done

auth=(-H "Authorization: Bearer $TOKEN")
committee=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' \
  -d '{"kind":"TC","number":998,"titleEn":"Document storage benchmark"}' "$URL/api/v1/committees" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
echo "== committee $committee"

printf '%%PDF-1.7\n' > "$DATA/small.pdf"; head -c 3000000 /dev/urandom >> "$DATA/small.pdf"
printf '%%PDF-1.7\n' > "$DATA/big.pdf"; head -c $(( SIZE_MB * 1024 * 1024 )) /dev/urandom >> "$DATA/big.pdf"
upload() { curl -fsS "${auth[@]}" -F title="$2" -F type=Other -F audience=Committee -F "file=@$1;type=application/pdf" \
  -o "$OUT/upload.json" -w '%{http_code} %{time_total}s %{speed_upload}B/s' "$URL/api/v1/committees/$committee/documents"; }
download() { curl -fsS "${auth[@]}" -o "$2" -w '%{http_code} %{time_total}s %{speed_download}B/s' "$URL/api/v1/committees/$committee/documents/$1/file"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$app/status"; }

# Warm-up: the same paths with a 3 MB file, twice (JIT, pools, the database's caches).
for i in 1 2; do upload "$DATA/small.pdf" "Warm-up $i" > /dev/null; download "$i" "$DATA/small.out" > /dev/null; done
sleep 2
before=$(rss)
( while kill -0 $app 2>/dev/null; do echo "$(date +%s.%N) $(rss)"; sleep 0.05; done ) > "$OUT/rss.txt" &
sampler=$!

echo "== upload:   $(upload "$DATA/big.pdf" "Benchmark ${SIZE_MB} MB")"
number=$(grep -o '"number":[0-9]*' "$OUT/upload.json" | cut -d: -f2)
after_upload=$(rss)
echo "== download: $(download "$number" "$DATA/big.out")"
after_download=$(rss)
kill $sampler; sampler=""

peak=$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' "$OUT/rss.txt")
up_sha=$(sha256sum "$DATA/big.pdf" | cut -d' ' -f1)
down_sha=$(sha256sum "$DATA/big.out" | cut -d' ' -f1)
api_sha=$(grep -o '"sha256":"[0-9a-f]*"' "$OUT/upload.json" | cut -d'"' -f4)
echo "== file: $(stat -c %s "$DATA/big.pdf") bytes; SHA-256 sent $up_sha, recorded $api_sha, received $down_sha"
[ "$up_sha" = "$down_sha" ] && [ "$up_sha" = "$api_sha" ] && echo "== checksums match" || echo "== CHECKSUM MISMATCH"
echo "== app RSS (KB): before $before, after upload $after_upload, after download $after_download, peak $peak ($(wc -l < "$OUT/rss.txt") samples)"
echo "== peak growth: $(( (peak - before) / 1024 )) MB (target < 50 MB)"
echo "== load after: $(uptime)"
