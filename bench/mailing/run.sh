#!/usr/bin/env bash
# Queuing and sending a newsletter to 100,000 confirmed subscribers (figures in bench/RESULTS.md,
# "## Mailings"). Starts the app on an empty embedded database with its mail going by SMTP to a
# tiny sink on loopback (sink.py: counts connections and messages, keeps nothing), creates the
# subscribers with one set-based INSERT (generate_series, four languages), publishes an article,
# then queues it as a newsletter with `normative mailing newsletter` (which reports the time of the
# queuing itself: contents written once per language, recipients in one INSERT … SELECT) and
# watches the app's mailing sender drain it: send rate, and SMTP connections used (one per batch).
#
# Usage: bench/mailing/run.sh   (BENCH_SUBSCRIBERS=100000, BENCH_BATCH=500, BENCH_PORT=5098,
#        BENCH_SMTP_PORT=2598, BENCH_DATA=/tmp/normative-bench-mailing)
# Needs: the .NET SDK, PostgreSQL's server binaries and psql, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA=${BENCH_DATA:-/tmp/normative-bench-mailing}
PORT=${BENCH_PORT:-5098}
SMTP_PORT=${BENCH_SMTP_PORT:-2598}
N=${BENCH_SUBSCRIBERS:-100000}
BATCH=${BENCH_BATCH:-500}
APP=src/Normative/bin/Release/net10.0/Normative.dll
URL="http://127.0.0.1:$PORT"
rm -rf "$DATA"
mkdir -p "$DATA"

echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD)"
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== load before: $(uptime)"
[ -n "${BENCH_SKIP_BUILD:-}" ] || dotnet build Normative.slnx -c Release -nologo -v quiet

python3 bench/mailing/sink.py "$SMTP_PORT" "$DATA/sink.stats" &
sink=$!
app=""
trap 'kill $sink 2>/dev/null || true; [ -n "$app" ] && kill $app 2>/dev/null || true' EXIT

export ASPNETCORE_ENVIRONMENT=Development NORMATIVE_DATA="$DATA" DOTNET_NOLOGO=1
export Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port=$SMTP_PORT Mail__Smtp__EnableSsl=false
export Content__Updates__DigestEnabled=false Content__Updates__MailingBatchSize=$BATCH Content__Updates__MailingPollSeconds=0.5
dotnet "$APP" --urls "$URL" > "$DATA/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -fs -o /dev/null "$URL/healthz/live" && break; sleep 1; done
PG="$DATA/postgres"
[ -S "$PG/.s.PGSQL.5432" ] || PG=$(ls -d /tmp/normative-* 2>/dev/null | while read -r d; do [ -S "$d/.s.PGSQL.5432" ] && echo "$d"; done | head -n 1)
psql_() { psql -h "$PG" -U normative -d normative -v ON_ERROR_STOP=1 -qAt "$@"; }

start=$(date +%s.%N)
psql_ -c "
INSERT INTO subscribers (email, language, topics, status, created_at, confirmed_at, confirmation_nonce, confirmation_sent_at, confirmation_mails)
SELECT 'reader' || i || '@bench.example', (ARRAY['en','fr','es','ru'])[1 + i % 4], ARRAY['news'], 'Confirmed', now(), now(), md5(i::text), now(), 1
FROM generate_series(1, $N) i;
INSERT INTO articles (kind, slug, status, publish_at, featured, sectors, standards, committees, created_at, updated_at)
VALUES ('News', 'bench-newsletter', 'Published', now(), false, '{}', '{}', '{}', now(), now());
INSERT INTO article_versions (article_id, language, title, summary, body, updated_at)
SELECT id, l, 'Benchmark newsletter (' || l || ')', 'A summary to send to every subscriber.', 'Body', now()
FROM articles, unnest(ARRAY['en','fr']) l WHERE slug = 'bench-newsletter';
ANALYZE subscribers;"
echo "== $N confirmed subscribers created in $(echo "$(date +%s.%N) - $start" | bc) s (one INSERT … SELECT)"

# Queue: the command reports the queuing alone; the wall time adds the command line's start-up.
start=$(date +%s.%N)
dotnet "$APP" mailing newsletter --article bench-newsletter --topic news | tee "$DATA/queue.txt"
queued_at=$(date +%s.%N)
echo "== queue command wall time $(echo "$queued_at - $start" | bc) s"

total=$(psql_ -c "SELECT count(*) FROM mailing_recipients")
while :; do
  done_=$(psql_ -c "SELECT count(*) FROM mailing_recipients WHERE sent_at IS NOT NULL OR skipped_at IS NOT NULL OR failed_at IS NOT NULL")
  [ "$done_" -ge "$total" ] && break
  sleep 1
done
sleep 1
read -r connections messages first last < "$DATA/sink.stats"
sent=$(psql_ -c "SELECT count(*) FROM mailing_recipients WHERE sent_at IS NOT NULL")
span=$(psql_ -c "SELECT extract(epoch FROM max(sent_at) - min(sent_at)) FROM mailing_recipients")
twice=$(psql_ -c "SELECT count(*) - count(DISTINCT subscriber_id) FROM mailing_recipients")
echo "== recipients $total, sent $sent, sink received $messages over $connections SMTP connections (batch $BATCH)"
echo "== sending: first to last accepted mail $span s → $(echo "scale=0; $sent / $span" | bc) mails/s"
echo "== recipients queued twice: $twice"
echo "== load after: $(uptime)"
