#!/bin/sh
# Nightly backup of the identity store, run by kinerja-identity-backup.service as the service
# user: an online backup (VACUUM INTO a temporary file, integrity_check, fsync, rename), then
# `audit verify` of the live store and of the copy. The head hash that `audit verify` prints
# goes to the journal and, with HEADS set, is appended to that file: keep a copy elsewhere,
# because removing the newest audit entries is detectable only against a head kept outside.
#
#   kinerja-identity-backup [CONFIG [DIRECTORY]]
#   defaults: /etc/kinerja/identity.json, /var/backups/kinerja; KEEP_DAYS=14; HEADS unset;
#   IDENTITY_BIN=/usr/local/bin/kinerja-identity (not KINERJA_…: that prefix is read as configuration)
#
# Exit status: 0 ok; 78 configuration error; 74 backup or store error; 4 broken audit chain.
set -eu

BIN=${IDENTITY_BIN:-/usr/local/bin/kinerja-identity}
CONFIG=${1:-/etc/kinerja/identity.json}
DIRECTORY=${2:-/var/backups/kinerja}
KEEP_DAYS=${KEEP_DAYS:-14}

umask 077
OUTPUT="$DIRECTORY/identity-$(date +%Y%m%d).sqlite"

"$BIN" backup --config "$CONFIG" --output "$OUTPUT"

# audit verify of the live store (read-only; the service keeps running), then of the copy
# (the store path overridden for that one command). Exit 4 when a chain is broken.
set +e
LIVE=$("$BIN" audit verify --config "$CONFIG"); status=$?
echo "live store: $LIVE"
[ "$status" -eq 0 ] || exit "$status"
COPY=$(KINERJA_STORE__PATH="$OUTPUT" "$BIN" audit verify --config "$CONFIG"); status=$?
echo "backup $OUTPUT: $COPY"
[ "$status" -eq 0 ] || exit "$status"
set -e

if [ -n "${HEADS:-}" ]; then
  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(basename "$OUTPUT")" "$COPY" >> "$HEADS"
fi

# Keep KEEP_DAYS days of backups.
find "$DIRECTORY" -maxdepth 1 -name 'identity-*.sqlite' -type f -mtime "+$KEEP_DAYS" -print -delete
