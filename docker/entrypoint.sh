#!/bin/sh
# Starts the service with an AppCDS archive of its classes: the first start records one when the
# service stops cleanly; later starts load it (about 0.9 s sooner to ready, 50 MB less memory; see
# BENCHMARKS.md). A stale or missing archive only costs that speed.
#
# The archive is recorded under a temporary name and takes its place only when the JVM ended
# normally (0, or 143 after SIGTERM) and a JVM can load all of it: a file cut short (SIGKILL while
# writing, a full disk) would crash every later start (SIGBUS) instead of being ignored.
#
# Variables (for tests; the image's defaults are right): CLAIMWATCH_CDS_ARCHIVE, CLAIMWATCH_JAR.
set -u
ARCHIVE=${CLAIMWATCH_CDS_ARCHIVE:-/app/cds/claimwatch.jsa}
JAR=${CLAIMWATCH_JAR:-/app/claimwatch.jar}
RECORDING="$ARCHIVE.recording"

if [ -f "$ARCHIVE" ]; then
  exec java -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" "$@"
fi
if ! [ -w "$(dirname "$ARCHIVE")" ]; then
  echo "entrypoint: $(dirname "$ARCHIVE") is not writable: starting without recording an AppCDS archive" >&2
  exec java -jar "$JAR" "$@"
fi

rm -f "$RECORDING"
java -XX:ArchiveClassesAtExit="$RECORDING" -jar "$JAR" "$@" &
pid=$!
# This shell stays as the JVM's parent (PID 1 in a container) to rename the archive afterwards:
# pass the stop signals on, and wait for the JVM itself, not just for the signal.
trap 'kill -TERM "$pid" 2>/dev/null' TERM
trap 'kill -INT "$pid" 2>/dev/null' INT
status=0
while :; do
  wait "$pid"
  status=$?
  kill -0 "$pid" 2>/dev/null || break
done

if { [ "$status" -eq 0 ] || [ "$status" -eq 143 ]; } && [ -s "$RECORDING" ] \
  && java -Xshare:on -XX:SharedArchiveFile="$RECORDING" -XX:+VerifySharedSpaces -cp "$JAR" \
    -version >/dev/null 2>&1; then
  mv -f "$RECORDING" "$ARCHIVE"
else
  rm -f "$RECORDING"
fi
exit "$status"
