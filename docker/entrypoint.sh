#!/bin/sh
# Starts the service with an AppCDS archive of its classes (about 2 s sooner to ready here, and less
# memory; see BENCHMARKS.md). The image ships one, recorded when it was built
# (docker/cds-archive.sh); an image built without it (--build-arg CDS_ARCHIVE=off) records its own
# at the container's first clean stop, and later starts of that container load it. A stale or
# missing archive only costs that speed: the JVM then starts without one.
#
# The archive is recorded under a temporary name and takes its place only when the JVM ended
# normally (0, or 143 after SIGTERM) and a JVM can load all of it: a file cut short (SIGKILL while
# writing, a full disk) would crash every later start (SIGBUS) instead of being ignored.
#
# Variables (for tests; the image's defaults are right): CLAIMWATCH_CDS_IMAGE_ARCHIVE,
# CLAIMWATCH_CDS_ARCHIVE, CLAIMWATCH_JAR.
set -u
IMAGE_ARCHIVE=${CLAIMWATCH_CDS_IMAGE_ARCHIVE:-/app/image-cds/claimwatch.jsa}
ARCHIVE=${CLAIMWATCH_CDS_ARCHIVE:-/app/cds/claimwatch.jsa}
JAR=${CLAIMWATCH_JAR:-/app/claimwatch.jar}
RECORDING="$ARCHIVE.recording"

if [ -f "$IMAGE_ARCHIVE" ]; then
  exec java -XX:SharedArchiveFile="$IMAGE_ARCHIVE" -jar "$JAR" "$@"
fi
if [ -f "$ARCHIVE" ]; then
  exec java -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" "$@"
fi
if ! [ -w "$(dirname "$ARCHIVE")" ]; then
  echo "entrypoint: $(dirname "$ARCHIVE") is not writable: starting without recording an AppCDS archive" >&2
  exec java -jar "$JAR" "$@"
fi

rm -f "$RECORDING"
# This shell stays as the JVM's parent (PID 1 in a container) to rename the archive afterwards:
# it passes the signals on (set before the JVM starts, so none is lost) and waits for the JVM
# itself, not just for the signal. SIGINT becomes SIGTERM: a job started with & ignores SIGINT,
# so the JVM would never see it. SIGQUIT still asks the JVM for a thread dump.
pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null' TERM INT
trap '[ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null' QUIT
java -XX:ArchiveClassesAtExit="$RECORDING" -jar "$JAR" "$@" &
pid=$!
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
