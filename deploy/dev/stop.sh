#!/usr/bin/env bash
# Stops services started with `make run --detach` (SIGTERM: drain, close the store).
cd "$(dirname "$0")/../.."
shopt -s nullglob
for file in "${KINERJA_DEV_DIR:-.dev}"/run/*.pid; do
  pid=$(cat "$file")
  name=$(basename "$file" .pid)
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    echo "stopped kinerja-$name (pid $pid)"
  fi
  rm -f "$file"
done
