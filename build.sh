#!/usr/bin/env bash
# Normative's set-up commands:
#   ./build.sh run      install PostgreSQL if missing, build, migrate, load the demo data and serve
#                       the site on http://localhost:5080
#   ./build.sh test     install what the tests need (PostgreSQL, Chromium, nginx, PgBouncer, HAProxy, dpkg-dev), build, build
#                       the Debian package and run every test; the last line reads
#                       "N passed, N failed, N skipped"
#   ./build.sh package  build the Debian package artifacts/normative_VERSION_ARCH.deb
#   ./build.sh notices  rewrite THIRD-PARTY-NOTICES from the packages the app ships
#   ./build.sh model    write EF Core's compiled model (src/Normative/Data/CompiledModel) again
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "build.sh: '$*' needs root. Run as root or install sudo." >&2
    exit 1
  fi
}

# A dpkg stopped half-way (a killed upgrade, a machine image taken mid-install) leaves its journal in
# /var/lib/dpkg/updates, and every apt-get after it refuses with "dpkg was interrupted". Finish that
# work as dpkg itself asks, before installing anything and before the package test does.
finish_interrupted_dpkg() {
  if compgen -G '/var/lib/dpkg/updates/[0-9]*' >/dev/null; then
    say "dpkg was interrupted earlier; finishing its work (dpkg --configure -a)"
    as_root env DEBIAN_FRONTEND=noninteractive dpkg --force-confdef --force-confold --configure -a
  fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: $* is missing and this is not a Debian-like system; install it yourself." >&2
    exit 1
  fi
  finish_interrupted_dpkg
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

ensure_nginx() {
  if [ ! -x /usr/sbin/nginx ]; then
    apt_install nginx
  fi
}

# The cluster test runs PgBouncer and HAProxy from Debian's packages (and fails, not skips, without them).
ensure_cluster_tools() {
  local missing=()
  [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
}

# The security tests scan the site with Debian's Wapiti and sqlmap (and fail, not skip, without them).
ensure_scanners() {
  local missing=()
  [ -x /usr/bin/wapiti ] || missing+=(wapiti)
  [ -x /usr/bin/sqlmap ] || missing+=(sqlmap)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
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
  # With the JIT settings of the package's service (packaging/deb/normative.service).
  # shellcheck disable=SC2046 # NAME=value words
  ASPNETCORE_ENVIRONMENT=Development exec env $(sed -n 's/^Environment=\(DOTNET_TC_.*\)$/\1/p' packaging/deb/normative.service) \
    dotnet run --no-build -c Release --project src/Normative -- --urls http://localhost:5080
}

# The packages the app ships, from a self-contained restore, with their licences; fails on a
# licence that may not ship. $1: where to write the notice.
write_notices() {
  local rid=$1 target=$2
  dotnet restore src/Normative/Normative.csproj -r "$rid" -p:SelfContained=true -nologo -v quiet >&2
  dotnet run --project tools/Notices -c Release -- src/Normative/obj/project.assets.json "$target" >&2
}

runtime_id() {
  case "$(dpkg --print-architecture)" in
    amd64) echo linux-x64 ;;
    arm64) echo linux-arm64 ;;
    *) echo "build.sh: no .NET runtime identifier for $(dpkg --print-architecture)." >&2; exit 1 ;;
  esac
}

# EF Core's compiled model of NormativeDb (src/Normative/Data/CompiledModel): written again after a
# change to an entity or its configuration; CompiledModelTests fails until it is.
model() {
  ensure_dotnet
  dotnet tool restore >&2
  # Removed first: a model naming a property that is gone would not even compile for the tool.
  rm -rf src/Normative/Data/CompiledModel
  dotnet ef dbcontext optimize --project src/Normative --startup-project tools/CompiledModel --context NormativeDb \
    --output-dir Data/CompiledModel --namespace Normative.Data.CompiledModel --configuration Release
}

notices() {
  ensure_dotnet
  write_notices "$(runtime_id)" THIRD-PARTY-NOTICES
}

# A Debian package of the self-contained application: Debian 12 has no .NET runtime in its
# archive, so the package carries its own and needs no other repository. .NET security fixes
# therefore come with a new Normative package.
package() {
  ensure_dotnet
  if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v dpkg-architecture >/dev/null 2>&1; then
    apt_install dpkg-dev
  fi
  local arch rid version stage deb
  arch=$(dpkg --print-architecture)
  rid=$(runtime_id)
  version="0.1.$(git rev-list --count HEAD 2>/dev/null || echo 0)"
  stage=$(mktemp -d)
  chmod 0755 "$stage"
  package_stage=$stage
  trap 'rm -rf "$package_stage"' EXIT
  say "Publishing Normative $version (self-contained, $rid)"
  dotnet publish src/Normative/Normative.csproj -c Release -r "$rid" --self-contained -nologo -v quiet \
    -p:Version="$version" -o "$stage/opt/normative" >&2
  rm -f "$stage/opt/normative/appsettings.Development.json"
  say "Writing the third-party notice"
  install -d "$stage/usr/share/doc/normative/examples"
  write_notices "$rid" "$stage/usr/share/doc/normative/THIRD-PARTY-NOTICES"
  install -m 0644 README.md "$stage/usr/share/doc/normative/README.md"
  install -m 0644 LICENSE "$stage/usr/share/doc/normative/copyright"
  install -m 0644 packaging/deb/nginx.conf "$stage/usr/share/doc/normative/examples/nginx.conf"
  install -D -m 0755 packaging/deb/normative "$stage/usr/bin/normative"
  install -D -m 0644 packaging/deb/normative.service "$stage/lib/systemd/system/normative.service"
  install -D -m 0640 packaging/deb/normative.env "$stage/etc/normative/normative.env"
  install -d "$stage/DEBIAN"
  install -m 0644 packaging/deb/conffiles "$stage/DEBIAN/conffiles"
  install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$stage/DEBIAN/"
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$stage" | cut -f1)/" \
    packaging/deb/control > "$stage/DEBIAN/control"
  mkdir -p artifacts
  deb="artifacts/normative_${version}_${arch}.deb"
  say "Building $deb"
  dpkg-deb --root-owner-group -Zgzip --build "$stage" "$deb" >/dev/null
  echo "$deb"
}

test() {
  ensure_dotnet
  ensure_postgres
  ensure_chromium
  ensure_nginx
  ensure_cluster_tools
  ensure_scanners
  finish_interrupted_dpkg
  say "Building"
  dotnet build Normative.slnx -c Release -nologo -v quiet
  # The package test installs this package, starts it and reads /healthz/ready.
  NORMATIVE_DEB="$(pwd)/$(package)"
  export NORMATIVE_DEB
  say "Testing"
  # Each app the tests start watches its static files (asp-append-version) with inotify, and the
  # suite keeps dozens of apps alive at once: past the kernel's default of 128 inotify instances per
  # user a page fails with an IOException. The tests' apps poll instead, and where we may, the limit
  # is raised too (a machine's own settings are left alone when it is already higher).
  export DOTNET_USE_POLLING_FILE_WATCHER=true
  if [ "$(id -u)" = 0 ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
    sysctl -q -w fs.inotify.max_user_instances=1024 || true
  fi
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
    if [ "${failed:-0}" -ne 0 ]; then
      # The last lines of a run are what a CI log keeps: name each failed test and its message there.
      python3 - "$trx" <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    message = r.find(".//t:ErrorInfo/t:Message", ns)
    text = " ".join((message.text or "").split()) if message is not None else ""
    print(f"FAILED {r.get('testName')} ({r.get('duration')}): {text[:600]}")
PY
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
  package) shift; package "$@" ;;
  notices) shift; notices "$@" ;;
  model) shift; model "$@" ;;
  *)
    echo "usage: ./build.sh run | test | package | notices | model" >&2
    echo "  run      install PostgreSQL if missing, build, load the demo data and serve http://localhost:5080" >&2
    echo "  test     install PostgreSQL, Chromium, nginx, PgBouncer, HAProxy and dpkg-dev if missing, build, package and run every test" >&2
    echo "  package  build the Debian package artifacts/normative_VERSION_ARCH.deb" >&2
    echo "  notices  rewrite THIRD-PARTY-NOTICES from the packages the app ships" >&2
    echo "  model    write EF Core's compiled model again after a change to the entities" >&2
    exit 2
    ;;
esac
