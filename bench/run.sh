#!/usr/bin/env bash
# Every row of issue 17's targets table in one go, then the table with what was measured:
#   1. bench/catalogue/run.sh: generates the deliverables (`normative demo generate`), times their
#      import, measures standard pages and searches with and without the output cache against nginx
#      serving the same page, and an Editor's change under load;
#   2. bench/certification/run.sh: generates the certificates, times their import, measures
#      verification by number, organization-name search and the statistics page;
#   3. bench/table.py prints the table (what | target | measured | ratio to nginx | verdict) from the
#      `key<TAB>value` figures both scripts wrote; a row without figures says "not measured" and why.
# The app peak memory row is the largest of every app process's peak RSS (imports and servers).
# Each area keeps its own log beside the figures; date, commit, machine and `uptime` are printed
# before and after, as RESULTS.md needs them. Run it on an idle machine: the targets assume one
# core for the app and PostgreSQL and the other for wrk.
#
# Usage: bench/run.sh                (80,000 deliverables, 3 million certificates, 30 s per wrk run)
#        BENCH_QUICK=1 bench/run.sh  (a smoke run: 10,000 deliverables, 100,000 certificates,
#                                     5 s per wrk run, 15 s of warm-up)
# BENCH_DELIVERABLES, BENCH_CERTIFICATES, BENCH_DURATION, BENCH_WARMUP override either;
# BENCH_SKIP_IMPORT=1 reuses the databases of the previous run (the import rows are then not measured);
# BENCH_RUN is the folder of the databases, logs and figures (/tmp/normative-bench-run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${BENCH_QUICK:-}" ]; then
  BENCH_DELIVERABLES=${BENCH_DELIVERABLES:-10000}
  BENCH_CERTIFICATES=${BENCH_CERTIFICATES:-100000}
  BENCH_DURATION=${BENCH_DURATION:-5s}
  BENCH_WARMUP=${BENCH_WARMUP:-15}
fi
export BENCH_DELIVERABLES=${BENCH_DELIVERABLES:-80000}
export BENCH_CERTIFICATES=${BENCH_CERTIFICATES:-3000000}
export BENCH_DURATION=${BENCH_DURATION:-30s}
export BENCH_WARMUP=${BENCH_WARMUP:-60}
RUN=${BENCH_RUN:-/tmp/normative-bench-run}
export BENCH_RESULTS=$RUN/results.tsv
# Each area chooses its own folders under $RUN; a BENCH_OUT or BENCH_DATA meant for one script
# must not make the two share one.
unset BENCH_OUT BENCH_DATA

mkdir -p "$RUN"
: > "$BENCH_RESULTS"
# shellcheck disable=SC2034 # read by record() in bench/lib.sh
RESULTS=$BENCH_RESULTS
# shellcheck source=bench/lib.sh
. bench/lib.sh
[ -z "${BENCH_SKIP_IMPORT:-}" ] || record run.skip_import 1

about() {
  echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)')"
  echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB, $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release), .NET SDK $(dotnet --version)"
  echo "== uptime: $(uptime)"
}

echo "== bench/run.sh: $BENCH_DELIVERABLES deliverables, $BENCH_CERTIFICATES certificates, $BENCH_DURATION per wrk run, $BENCH_WARMUP s of warm-up${BENCH_QUICK:+ (BENCH_QUICK: a smoke run, not a measurement of the targets)}"
about | tee "$RUN/before.txt"

area() { # name: runs bench/<name>/run.sh with its log in $RUN/<name>.log; a failure is recorded, not fatal
  local status=0
  echo "== bench/$1/run.sh (log: $RUN/$1.log)"
  BENCH_DATA="$RUN/$1" "bench/$1/run.sh" > "$RUN/$1.log" 2>&1 || status=$?
  record "$1.exit" "$status"
  if [ "$status" -ne 0 ]; then
    echo "== bench/$1/run.sh failed (exit $status); the end of its log:" >&2
    tail -n 20 "$RUN/$1.log" >&2
  fi
}
area catalogue
area certification

echo
echo "== after"
about | tee "$RUN/after.txt"
echo
python3 bench/table.py "$BENCH_RESULTS" | tee "$RUN/table.md"
