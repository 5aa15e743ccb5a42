#!/bin/sh
# Records the AppCDS archive that ships in the image (docker/Dockerfile, stage "cds"), so that every
# new pod starts with one instead of recording its own at its first clean stop.
#
#   cds-archive.sh ARCHIVE
#
# with DATASOURCES_DEFAULT_URL / _USERNAME / _PASSWORD naming a database it may add a few rows to
# (the image build gives it a throwaway one). It starts the service once to migrate that database (a real start finds the schema
# current and skips Flyway, so the archive is not trained on a migration), then
# again with -XX:ArchiveClassesAtExit, sends the requests of a pod's first minutes (probes, a
# Prometheus scrape, claims in and out, a queue page, an error, the reviewer pages), stops it with
# SIGTERM, and keeps the archive only when a JVM maps all of it. Run it with the JVM, jar path and
# JAVA_TOOL_OPTIONS of the image that will use the archive: the JVM refuses an archive made by
# another JVM build or for another jar (path, size and modification time).
#
# Exit 0 with ARCHIVE written, or non-zero with nothing written and the reason on stderr.
# Variables: CLAIMWATCH_JAR (default /app/claimwatch.jar), CLAIMWATCH_PORT (default 8080).
set -eu
ARCHIVE=${1:?usage: cds-archive.sh ARCHIVE}
JAR=${CLAIMWATCH_JAR:-/app/claimwatch.jar}
PORT=${CLAIMWATCH_PORT:-8080}
BASE="http://127.0.0.1:$PORT"
RECORDING="$ARCHIVE.recording"
WORK=$(mktemp -d)
pid=
cleanup() {
  set +e
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  rm -rf "$WORK"
  rm -f "$RECORDING"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A token for this run only, and names no stored row has: the database may be a used one.
RUN_ID=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
CLAIMWATCH_ADMIN_TOKEN=cds-$RUN_ID-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export CLAIMWATCH_ADMIN_TOKEN CLAIMWATCH_PORT="$PORT"
# No scheduled jobs: they would only add classes of work a pod does later, at random times.
export CLAIMWATCH_JOBS_ENABLED=false CLAIMWATCH_SHUTDOWN_DRAIN=0s

fail() {
  echo "cds-archive: $*" >&2
  exit 1
}

# The heap of the pod in docker/k8s (1 GiB limit), for every JVM here, the archive's check too: on
# a builder with more than about 48 GiB of memory the JVM would size a heap too large for
# compressed pointers, and an archive made (or checked) so is refused by every JVM that has them
# (all heaps under 32 GiB).
HEAP=-XX:MaxRAM=1g

start() {
  java "$HEAP" "$@" -jar "$JAR" >"$WORK/service.log" 2>&1 &
  pid=$!
  i=0
  until curl -fsS --max-time 5 -o /dev/null "$BASE/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/service.log" >&2; fail "the service exited during its start"; }
    i=$((i + 1))
    [ "$i" -le 1200 ] || fail "the service was not healthy within 120 s"
    sleep 0.1
  done
  # Not another process answering on the port while this one failed to take it.
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { cat "$WORK/service.log" >&2; fail "the service exited: is port $PORT taken?"; }
}

# SIGTERM, and at most 90 s for the graceful stop and the archive's writing: a stop that hangs
# must not hang the image build.
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  (sleep 90 && kill -KILL "$pid" 2>/dev/null) &
  watchdog=$!
  status=0
  wait "$pid" || status=$?
  kill "$watchdog" 2>/dev/null || true
  pid=
  [ "$status" -eq 0 ] || [ "$status" -eq 143 ] || { cat "$WORK/service.log" >&2; fail "the service stopped with $status"; }
}

# expect STATUS METHOD PATH [curl options...]: the request must answer STATUS.
expect() {
  want=$1 method=$2 path=$3
  shift 3
  got=$(curl -sS --max-time 60 -o "$WORK/body" -w '%{http_code}' -X "$method" -b "$WORK/cookies" -c "$WORK/cookies" "$@" "$BASE$path") \
    || fail "$method $path: no answer"
  [ "$got" = "$want" ] || fail "$method $path answered $got, expected $want: $(head -c 500 "$WORK/body")"
}

api() {
  want=$1 method=$2 path=$3
  shift 3
  expect "$want" "$method" "$path" -H "Authorization: Bearer $CLAIMWATCH_ADMIN_TOKEN" -H 'Content-Type: application/json' "$@"
}

ENTITY="Training $RUN_ID"
claim() {
  printf '{"externalRef":"cds-%s-%s","statement":"The company spent $%s million on research in 2024",' "$RUN_ID" "$1" "$1"
  printf '"language":"en","claimant":"Build","entityName":"%s","metric":"research_spend",' "$ENTITY"
  printf '"value":"%s000000","unit":"USD","qualifier":"APPROX","periodicity":"PER_YEAR",' "$1"
  printf '"periodStart":"2024-01-01","periodEnd":"2024-12-31","statedAt":"2025-02-01",'
  printf '"source":{"url":"https://example.org/%s","publisher":"Example"}}' "$1"
}

start
stop

rm -f "$RECORDING"
start -XX:ArchiveClassesAtExit="$RECORDING"
expect 200 GET /health/liveness
expect 200 GET /health/readiness
api 201 POST /api/v1/entities -d "{\"name\":\"$ENTITY\",\"kind\":\"COMPANY\"}"
api 201 POST /api/v1/claims -d "$(claim 12)"
id=$(sed -n 's/^{"id":\([0-9]*\).*/\1/p' "$WORK/body")
[ -n "$id" ] || fail "no id in the new claim: $(head -c 200 "$WORK/body")"
api 200 GET "/api/v1/claims/$id"
api 200 PATCH "/api/v1/claims/$id" -H 'If-Match: "1"' -d '{"value":"13000000","qualifier":"EXACT"}'
api 201 POST /api/v1/claims/batch -d "{\"claims\":[$(claim 20),$(claim 21)]}"
api 200 GET '/api/v1/claims?metric=research_spend&limit=20'
api 200 GET "/api/v1/claims/$id/history"
api 400 POST /api/v1/claims -d '{"value":"not a number"}'
api 200 GET /api/v1/queue
api 200 GET '/api/v1/queue/unreviewed?limit=50'
api 200 GET /prometheus
expect 200 GET /ui/sign-in
check=$(sed -n 's/.*name="_check" value="\([^"]*\)".*/\1/p' "$WORK/body")
[ -n "$check" ] || fail "no sign-in check in the sign-in page"
expect 303 POST /ui/sign-in --data-urlencode "_check=$check" \
  --data-urlencode "token=$CLAIMWATCH_ADMIN_TOKEN" --data-urlencode "next=/ui/queue/unreviewed"
expect 200 GET /ui/queue/unreviewed
expect 200 GET "/ui/claims/$id"
stop

[ -s "$RECORDING" ] || fail "the JVM wrote no archive"
java "$HEAP" -Xshare:on -XX:SharedArchiveFile="$RECORDING" -XX:+VerifySharedSpaces -cp "$JAR" -version \
  >"$WORK/check.log" 2>&1 || { cat "$WORK/check.log" >&2; fail "the archive does not load"; }
mv -f "$RECORDING" "$ARCHIVE"
echo "cds-archive: wrote $ARCHIVE ($(wc -c <"$ARCHIVE") bytes)"
