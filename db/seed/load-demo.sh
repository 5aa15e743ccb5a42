#!/usr/bin/env bash
# Loads the Claimwatch demo: the entities in entities.jsonl, the claims of
# claims-600-days-after-chatgpt.json in one batch, the example claims about Apple
# (examples-apple.json), and Apple's filings up to 2024-06-30 (companyfacts/). Safe to run again: entities that
# already exist answer 409 and are skipped, claims already stored (same externalRef,
# same token) come back as "existing" and are left unchanged.
#
#   CLAIMWATCH_TOKEN=<admin token> db/seed/load-demo.sh
#
# CLAIMWATCH_URL defaults to http://localhost:8080. The token needs the EDITOR role
# (or ADMIN) to create entities. Needs bash and curl only.
set -euo pipefail

SEED_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
ENTITIES="$SEED_DIR/entities.jsonl"
CLAIMS="$SEED_DIR/claims-600-days-after-chatgpt.json"
EXAMPLES="$SEED_DIR/examples-apple.json"
EARLY_FILINGS="$SEED_DIR/companyfacts/apple-filed-by-2024-06-30.json"
BASE_URL="${CLAIMWATCH_URL:-http://localhost:8080}"
BASE_URL="${BASE_URL%/}"

if [ -z "${CLAIMWATCH_TOKEN:-}" ]; then
  echo "error: CLAIMWATCH_TOKEN is not set." >&2
  echo "usage: CLAIMWATCH_TOKEN=<admin token> [CLAIMWATCH_URL=http://localhost:8080] $0" >&2
  exit 2
fi
command -v curl >/dev/null 2>&1 || { echo "error: curl is required" >&2; exit 2; }
for f in "$ENTITIES" "$CLAIMS" "$EXAMPLES" "$EARLY_FILINGS"; do
  [ -r "$f" ] || { echo "error: cannot read $f" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf -- "$WORK"' EXIT
# Headers go in a file so the token never appears on a command line (ps).
printf 'Authorization: Bearer %s\nContent-Type: application/json\nAccept: application/json\n' \
  "$CLAIMWATCH_TOKEN" > "$WORK/headers"
chmod 600 "$WORK/headers"

# post PATH BODY_FILE -> prints the HTTP status; the response body is left in $WORK/response.
post() {
  local status
  if ! status="$(curl -sS -X POST -H "@$WORK/headers" --data-binary "@$2" \
      -o "$WORK/response" -w '%{http_code}' "$BASE_URL$1")"; then
    echo "error: could not reach $BASE_URL$1 (is the service running? set CLAIMWATCH_URL)" >&2
    exit 1
  fi
  printf '%s' "$status"
}

# json_string NAME FILE -> the string value of "NAME" in a flat JSON response (no jq).
json_string() {
  tr -d '\n' < "$2" | sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"
}

echo "Loading entities into $BASE_URL"
created=0 existing=0 failed=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  name="$(printf '%s' "$line" | sed -n 's/.*"name" *: *"\([^"]*\)".*/\1/p')"
  printf '%s' "$line" > "$WORK/entity.json"
  status="$(post /api/v1/entities "$WORK/entity.json")"
  case "$status" in
    201) created=$((created + 1)); echo "  created  $name" ;;
    409) existing=$((existing + 1)); echo "  exists   $name ($(json_string detail "$WORK/response"))" ;;
    401 | 403)
      echo "error: HTTP $status: $(json_string detail "$WORK/response")" >&2
      echo "       CLAIMWATCH_TOKEN must be a valid EDITOR or ADMIN token" >&2
      exit 1
      ;;
    *)
      failed=$((failed + 1))
      echo "  FAILED   $name: HTTP $status" >&2
      cat "$WORK/response" >&2
      echo >&2
      ;;
  esac
done < "$ENTITIES"
echo "Entities: $created created, $existing already there, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "error: not loading claims until every entity is in place" >&2
  exit 1
fi

# load_batch FILE: one claims batch.
load_batch() {
  echo "Loading claims from $(basename -- "$1")"
  local status body n_created n_existing
  status="$(post /api/v1/claims/batch "$1")"
  case "$status" in
    200 | 201)
      body="$(tr -d '\n' < "$WORK/response")"
      n_created="$(printf '%s' "$body" | sed -n 's/.*"created" *: *\([0-9][0-9]*\).*/\1/p')"
      n_existing="$(printf '%s' "$body" | sed -n 's/.*"existing" *: *\([0-9][0-9]*\).*/\1/p')"
      echo "Claims: HTTP $status, ${n_created:-?} created, ${n_existing:-?} already stored"
      ;;
    *)
      echo "error: claims batch failed: HTTP $status" >&2
      cat "$WORK/response" >&2
      echo >&2
      exit 1
      ;;
  esac
}
load_batch "$CLAIMS"
load_batch "$EXAMPLES"

# Apple's capex and revenue as filed up to 2024-06-30: the example claims get their checks.
echo "Importing Apple's filings up to 2024-06-30 ($(basename -- "$EARLY_FILINGS"))"
status="$(post /api/v1/reports/sec-companyfacts "$EARLY_FILINGS")"
case "$status" in
  201 | 200)
    echo "Filings: HTTP $status, $(tr -d '\n' < "$WORK/response" | sed -n 's/.*"factsAdded" *: *\([0-9]*\).*/\1/p') facts added"
    ;;
  *)
    echo "error: import failed: HTTP $status" >&2
    cat "$WORK/response" >&2
    echo >&2
    exit 1
    ;;
esac
cat <<EOF

Done. Sign in at $BASE_URL/ui with your token and open the unreviewed queue: the example claims
about Apple show their checks. Then import the filings made since (fiscal Q3 and Q4 2024 and
later), and the capex rate and the revenue forecast get re-check flags:

  curl -sS -H "Authorization: Bearer \$CLAIMWATCH_TOKEN" -H 'Content-Type: application/json' \\
    --data-binary @$SEED_DIR/companyfacts/apple-filed-by-2026-03-21.json \\
    $BASE_URL/api/v1/reports/sec-companyfacts
EOF
