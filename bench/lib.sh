# shellcheck shell=bash
# Helpers the per-area scripts share (sourced, not run). Each figure a script measures is also
# written as one `key<TAB>value` line to $RESULTS, so bench/run.sh can print issue 17's table from
# measured numbers; a script run alone writes them beside its other output.

# record KEY VALUE: one figure, appended to $RESULTS.
record() {
  printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"
}

# record_wrk PREFIX FILE: requests/s, p50, p99 (in ms), requests and error answers of one
# `wrk --latency` output.
record_wrk() {
  local prefix=$1 file=$2
  awk -v p="$prefix" '
    function ms(text) {
      if (text ~ /us$/) return substr(text, 1, length(text) - 2) / 1000
      if (text ~ /ms$/) return substr(text, 1, length(text) - 2) + 0
      if (text ~ /m$/) return substr(text, 1, length(text) - 1) * 60000
      if (text ~ /s$/) return substr(text, 1, length(text) - 1) * 1000
      return text + 0
    }
    /Requests\/sec:/ { printf "%s.rps\t%s\n", p, $2 }
    /requests in/ { printf "%s.requests\t%s\n", p, $1 }
    $1 == "50%" { printf "%s.p50_ms\t%.3f\n", p, ms($2) }
    $1 == "99%" { printf "%s.p99_ms\t%.3f\n", p, ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%s.errors\t%d\n", p, errors }
  ' "$file" >> "$RESULTS"
}

# record_peak_rss KEY PID: the peak resident memory (VmHWM, KB) of a running process.
record_peak_rss() {
  local kb
  kb=$(awk '/VmHWM/ {print $2}' "/proc/$2/status" 2>/dev/null || true)
  if [ -n "$kb" ]; then
    record "$1" "$kb"
  fi
}

# The JIT settings the package's service runs the server with (packaging/deb/normative.service):
# a benchmark's server runs as installed; its imports and other commands keep .NET's own.
SERVER_JIT=$(sed -n 's/^Environment=\(DOTNET_TC_.*\)$/\1/p' packaging/deb/normative.service)
[ -n "$SERVER_JIT" ] || { echo "bench/lib.sh: no DOTNET_TC_ settings in packaging/deb/normative.service" >&2; exit 1; }
