#!/usr/bin/env bash
# Normative's two set-up commands:
#   ./build.sh run    install PostgreSQL if missing, build, migrate, load the demo data and serve
#                     the site on http://localhost:5080
#   ./build.sh test   install what the tests need (PostgreSQL, Chromium), build and run every test;
#                     the last line reads "N passed, N failed, N skipped"
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "build.sh: '$*' needs root. Run as root or install sudo." >&2
    exit 1
  fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: $* is missing and this is not a Debian-like system; install it yourself." >&2
    exit 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  say "Installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    apt_install postgresql postgresql-contrib
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "build.sh: the .NET 10 SDK is needed (https://dotnet.microsoft.com/download)." >&2
    exit 1
  fi
}

run() {
  ensure_dotnet
  ensure_postgres
  say "Building"
  dotnet build Normative.slnx -c Release -nologo -v quiet
  say "Migrating and loading the demo data"
  ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build -c Release --project src/Normative -- demo
  say "Serving on http://localhost:5080 (Ctrl+C stops it and the local database)"
  ASPNETCORE_ENVIRONMENT=Development exec dotnet run --no-build -c Release --project src/Normative -- --urls http://localhost:5080
}

test() {
  ensure_dotnet
  ensure_postgres
  ensure_chromium
  say "Building"
  dotnet build Normative.slnx -c Release -nologo -v quiet
  say "Testing"
  local results=TestResults
  rm -rf "$results"
  local status=0
  dotnet test Normative.slnx -c Release --no-build --results-directory "$results" \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" "$@" || status=$?
  local trx="$results/results.trx"
  if [ -f "$trx" ]; then
    local counters passed failed skipped total
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    # Tests that did not run (skipped) are counted in total but neither passed nor failed.
    skipped=$(( ${total:-0} - ${passed:-0} - ${failed:-0} ))
    if [ "${status}" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
      echo "build.sh: the test run failed (exit code $status) although no test reported a failure; see the output above." >&2
    fi
    echo "${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
  else
    echo "0 passed, 1 failed, 0 skipped"
    [ "$status" -ne 0 ] || status=1
  fi
  return "$status"
}

case "${1:-}" in
  run) shift; run "$@" ;;
  test) shift; test "$@" ;;
  *)
    echo "usage: ./build.sh run | test" >&2
    echo "  run   install PostgreSQL if missing, build, load the demo data and serve http://localhost:5080" >&2
    echo "  test  install PostgreSQL and Chromium if missing, build and run every test" >&2
    exit 2
    ;;
esac
