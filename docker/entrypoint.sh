#!/bin/sh
# Starts the service with an AppCDS archive of its classes: the first start records one when the
# service stops cleanly; later starts load it (about 0.9 s sooner to ready, 50 MB less memory; see
# BENCHMARKS.md). A stale or missing archive only costs that speed.
set -e
ARCHIVE=/app/cds/claimwatch.jsa
if [ -f "$ARCHIVE" ]; then
  exec java -XX:SharedArchiveFile="$ARCHIVE" -jar /app/claimwatch.jar "$@"
fi
exec java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar /app/claimwatch.jar "$@"
