#!/usr/bin/env bash
# The public site as people see it (figures in bench/RESULTS.md, "## Site"):
#   1. the browser walk of tests/Normative.Tests/Browser/SiteWalkBrowserTests.cs over EVERY address
#      of the sitemap (CI walks a sample): each page in en, fr, es and ru at 320, 390, 1,024 and
#      1,366 px; fails on a page wider than its window, a placeholder cut short, a serious or
#      critical axe violation, an English interface text on another language's page (or a resource
#      key), a console error, a link answering 4xx/5xx. The problems and the counts go to walk.txt.
#      While it walks, a line every 20 page × language checks gives the progress and the expected
#      finish; at the end the totals are printed as a row of RESULTS.md's table.
#   2. Lighthouse 12.2.3 (npm) on the home page and a standard page: the accessibility and best
#      practices scores (both must be 100), against the app with the demo data.
#
# Usage: bench/site/run.sh                     (both)
#        BENCH_SKIP_WALK=1 bench/site/run.sh    (Lighthouse only)
#        BENCH_WALK=200 BENCH_SKIP_LIGHTHOUSE=1 bench/site/run.sh
#                                               (a timed partial walk: 200 addresses spread over the sitemap)
#        BENCH_WALK=/tmp/pages.txt BENCH_SKIP_LIGHTHOUSE=1 bench/site/run.sh
#                                               (the addresses listed in a file, one per line: walk again
#                                                the pages an earlier walk found wanting)
# Needs: the .NET SDK, PostgreSQL's server binaries, /usr/bin/chromium, node and npm (npx).
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=${BENCH_DATA:-/tmp/normative-bench-site}
PORT=${BENCH_PORT:-5096}
OUT=${BENCH_OUT:-$DATA-results}
APP=src/Normative/bin/Release/net10.0/Normative.dll
mkdir -p "$OUT"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; $(/usr/bin/chromium --version)"
echo "== load before: $(uptime)"
dotnet build Normative.slnx -c Release -nologo -v quiet

if [ -z "${BENCH_SKIP_WALK:-}" ]; then
  WALK=${BENCH_WALK:-all}
  echo "== walking $WALK sitemap addresses (4 languages × 4 widths); problems in $OUT/walk.txt, progress in $OUT/walk-progress.txt"
  rm -f "$OUT/walk.txt" "$OUT/walk-progress.txt"
  touch "$OUT/walk-progress.txt"
  tail -n +1 -F "$OUT/walk-progress.txt" 2>/dev/null &
  tailer=$!
  # CPU seconds of the walk's own processes: on a shared machine the wall time says more about the
  # other jobs than about the walk.
  python3 bench/site/cpu.py "$PWD/tests/Normative.Tests/bin" "$OUT/walk-cpu.txt" &
  sampler=$!
  NORMATIVE_SITE_WALK=$WALK NORMATIVE_SITE_WALK_REPORT="$OUT/walk.txt" NORMATIVE_SITE_WALK_PROGRESS="$OUT/walk-progress.txt" \
    dotnet test tests/Normative.Tests -c Release --no-build --filter "FullyQualifiedName~SiteWalkBrowserTests.EveryPage" > "$OUT/walk-test.log" 2>&1 || true
  kill $tailer 2>/dev/null || true
  kill $sampler 2>/dev/null || true
  wait $sampler 2>/dev/null || true
  if [ ! -s "$OUT/walk.txt" ]; then
    echo "the walk wrote no report; see $OUT/walk-test.log"; tail -n 30 "$OUT/walk-test.log"; exit 1
  fi
  sed -n '2,3p' "$OUT/walk.txt"
  # The totals as a row of the table in bench/RESULTS.md, "## Site".
  cat "$OUT/walk-cpu.txt"
  cat <(head -n 1 "$OUT/walk.txt") "$OUT/walk-cpu.txt" | tr ' ' '\n' | awk -F= -v walk="$WALK" '{ v[$1] = $2 } END {
    scope = walk == "all" ? "every sitemap address (" v["listed"] " with the demo data)" : walk ~ /^\// ? "the " v["addresses"] - 4 " addresses listed in " walk : v["addresses"] - 4 " of the " v["listed"] " sitemap addresses, spread evenly";
    perCheck = v["cpu_total"] / (v["addresses"] * v["languages"]);
    printf "| walk, %s + search, cart, a certificate, /api/docs | %d pages × %d widths × %d languages = **%d page checks**, %d axe runs, %d distinct internal links | **%d** (%s s, %s s per page × language; %s CPU s, %.2f CPU s per page × language) |\n",
      scope, v["addresses"], v["widths"], v["languages"], v["checks"], v["axe"], v["links"], v["problems"], v["total_seconds"], v["per_check"], v["cpu_total"], perCheck }'
fi

if [ -n "${BENCH_SKIP_LIGHTHOUSE:-}" ]; then
  echo "== load after: $(uptime)"
  exit 0
fi

echo "== Lighthouse on the app with the demo data"
export ASPNETCORE_ENVIRONMENT=Development NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
dotnet "$APP" demo > "$OUT/demo.txt"
dotnet "$APP" --urls "http://127.0.0.1:$PORT" > "$OUT/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz/live" && break; sleep 1; done
standard=$(curl -fs "http://127.0.0.1:$PORT/sitemap-standards-1.xml" | grep -o '/standard/[0-9]*' | head -n 1)
for page in / "$standard"; do
  name=$(echo "$page" | tr -c 'a-z0-9\n' '-' | sed 's/^-*$/home/; s/^-//')
  # Twice: the first visit warms the app (its JIT and caches) so the second measures the site.
  for _ in 1 2; do
    CHROME_PATH=/usr/bin/chromium npx -y lighthouse@12.2.3 "http://127.0.0.1:$PORT$page" \
      --only-categories=accessibility,best-practices --chrome-flags="--headless=new --no-sandbox" \
      --output=json --output-path="$OUT/lighthouse-$name.json" --quiet
  done
  node -e 'const r = require(process.argv[1]); const c = r.categories;
    const below = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
    console.log(`${process.argv[2]}: accessibility ${Math.round(c.accessibility.score * 100)}, best practices ${Math.round(c["best-practices"].score * 100)}${below.length ? " (failing: " + below.join(", ") + ")" : ""}`);' \
    "$OUT/lighthouse-$name.json" "$page" | tee -a "$OUT/lighthouse.txt"
done
echo "== load after: $(uptime)"
