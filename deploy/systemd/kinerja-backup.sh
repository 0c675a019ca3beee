#!/bin/sh
# Nightly backup of one Kinerja service's store, run by kinerja-<service>-backup.service as the
# service user: an online backup (VACUUM INTO a temporary file, integrity_check, fsync, rename),
# then `audit verify` of the live store and of the copy. The head hash that `audit verify` prints
# goes to the journal and, with HEADS set, is appended to that file: keep a copy elsewhere,
# because removing the newest audit entries is detectable only against a head kept outside.
#
#   kinerja-backup SERVICE [CONFIG [DIRECTORY]]
#   SERVICE: identity, planning, … (the binary is /usr/local/bin/kinerja-SERVICE)
#   defaults: /etc/kinerja/SERVICE.json, /var/backups/kinerja; KEEP_DAYS=14; HEADS unset;
#   SERVICE_BIN=/usr/local/bin/kinerja-SERVICE (IDENTITY_BIN is still honoured for identity;
#   not KINERJA_…: that prefix is read as configuration)
#
# Backups are DIRECTORY/SERVICE-YYYYMMDD.sqlite (a second run on one day replaces that day's);
# only SERVICE-*.sqlite files older than KEEP_DAYS days are deleted, so services may share DIRECTORY.
#
# Exit status: 0 ok; 64 usage; 78 configuration error; 74 backup or store error; 4 broken audit chain.
set -eu

SERVICE=${1:-}
case "$SERVICE" in
  '' | *[!a-z]*)
    echo "usage: kinerja-backup SERVICE [CONFIG [DIRECTORY]]   (SERVICE: identity, planning, …)" >&2
    exit 64 ;;
esac
shift

if [ "$SERVICE" = identity ] && [ -n "${IDENTITY_BIN:-}" ]; then SERVICE_BIN=${SERVICE_BIN:-$IDENTITY_BIN}; fi
BIN=${SERVICE_BIN:-/usr/local/bin/kinerja-$SERVICE}
CONFIG=${1:-/etc/kinerja/$SERVICE.json}
DIRECTORY=${2:-/var/backups/kinerja}
KEEP_DAYS=${KEEP_DAYS:-14}

umask 077
OUTPUT="$DIRECTORY/$SERVICE-$(date +%Y%m%d).sqlite"

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

# Keep KEEP_DAYS days of this service's backups.
find "$DIRECTORY" -maxdepth 1 -name "$SERVICE-*.sqlite" -type f -mtime "+$KEEP_DAYS" -print -delete
