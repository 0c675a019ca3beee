#!/bin/sh
# Restore one Kinerja service from its backup, in one command (docs/OPERATIONS.md, "Back up and
# restore"). Run it with the service stopped, as the service user:
#
#   kinerja-restore SERVICE BACKUP [CONFIG]
#   SERVICE: identity, planning, reporting, feedback, evaluation
#   BACKUP:  a file written by `kinerja-SERVICE backup` (kinerja-backup: DIR/SERVICE-YYYYMMDD.sqlite)
#   CONFIG:  default /etc/kinerja/SERVICE.json
#   environment (not KINERJA_…: that prefix is read as configuration):
#     STORE            the store file the service runs on (default /var/lib/kinerja/SERVICE/SERVICE.sqlite;
#                      it must be the config's store.path)
#     EVIDENCE_BACKUP  reporting only: the evidence backup folder (default /var/backups/kinerja/reporting-evidence)
#     EVIDENCE         reporting only: the evidence folder (default: `evidence` beside STORE)
#     SECRETS          a folder holding the secrets kept apart from the backups (log-pseudonym.secret,
#                      and feedback's feedback-pseudonym.secret): each is put back beside the store
#                      when it is missing there
#     SERVICE_BIN      default /usr/local/bin/kinerja-SERVICE
#
# What it does: refuses when a process has the store open (the service must be stopped); moves
# the store and its -wal and -shm aside into DIR/SERVICE.replaced-<UTC time>/ (never deleted: keep
# it for analysis); copies the backup beside the store, fsyncs and renames it into place (0600);
# puts back missing secrets; for reporting copies every evidence file the folder lacks from the
# evidence backup (files are named by their content, so one already there is the same file) and
# runs `evidence verify`; then `audit verify` of the restored store, whose head it prints: compare
# it with the head recorded for that backup. The start that follows runs integrity_check and any
# migration the backup lacks.
#
# Exit status: 0 ok; 64 usage; 69 the service is running; 74 a file error; 4 broken audit chain or
# an evidence file that does not match its hash.
set -eu

SERVICE=${1:-}
BACKUP=${2:-}
case "$SERVICE" in
  identity | planning | reporting | feedback | evaluation) ;;
  *) echo "usage: kinerja-restore SERVICE BACKUP [CONFIG]   (SERVICE: identity, planning, reporting, feedback, evaluation)" >&2
     exit 64 ;;
esac
[ -n "$BACKUP" ] || { echo "usage: kinerja-restore SERVICE BACKUP [CONFIG]" >&2; exit 64; }
CONFIG=${3:-/etc/kinerja/$SERVICE.json}
BIN=${SERVICE_BIN:-/usr/local/bin/kinerja-$SERVICE}
STORE=${STORE:-/var/lib/kinerja/$SERVICE/$SERVICE.sqlite}
DIR=$(dirname "$STORE")
EVIDENCE=${EVIDENCE:-$DIR/evidence}
EVIDENCE_BACKUP=${EVIDENCE_BACKUP:-/var/backups/kinerja/reporting-evidence}
umask 077

[ -f "$BACKUP" ] || { echo "kinerja-restore: no backup file $BACKUP" >&2; exit 74; }
[ -f "$CONFIG" ] || { echo "kinerja-restore: no configuration file $CONFIG" >&2; exit 64; }
if [ "$SERVICE" = reporting ] && [ ! -d "$EVIDENCE_BACKUP" ]; then
  echo "kinerja-restore: no evidence backup folder $EVIDENCE_BACKUP (a reporting backup is the store and the evidence)" >&2
  exit 74
fi

# The service must be stopped: no process may hold the store (or its WAL) open.
for fd in /proc/[0-9]*/fd/*; do
  target=$(readlink "$fd" 2>/dev/null) || continue
  case "$target" in
    "$STORE" | "$STORE-wal" | "$STORE-shm")
      pid=${fd#/proc/}; pid=${pid%%/*}
      echo "kinerja-restore: process $pid has $target open; stop kinerja-$SERVICE first" >&2
      exit 69 ;;
  esac
done

mkdir -p "$DIR"
if [ -e "$STORE" ] || [ -e "$STORE-wal" ] || [ -e "$STORE-shm" ]; then
  ASIDE="$DIR/$SERVICE.replaced-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$ASIDE"
  for file in "$STORE" "$STORE-wal" "$STORE-shm"; do
    [ -e "$file" ] && mv "$file" "$ASIDE/"
  done
  echo "moved the replaced store aside: $ASIDE"
fi

# Copy, fsync, rename: a crash leaves either no store or the whole backup, never a part of it.
TMP="$DIR/.$SERVICE.restore.$$.tmp"
trap 'rm -f "$TMP"' EXIT
cp "$BACKUP" "$TMP" || exit 74
chmod 0600 "$TMP"
sync "$TMP" 2>/dev/null || sync
mv "$TMP" "$STORE"
sync "$DIR" 2>/dev/null || sync
trap - EXIT
echo "restored $STORE from $BACKUP ($(wc -c < "$STORE") bytes)"

if [ -n "${SECRETS:-}" ]; then
  for secret in log-pseudonym.secret feedback-pseudonym.secret; do
    if [ -f "$SECRETS/$secret" ] && [ ! -e "$DIR/$secret" ]; then
      cp "$SECRETS/$secret" "$DIR/$secret" && chmod 0600 "$DIR/$secret"
      echo "put back $secret"
    fi
  done
fi

set +e
if [ "$SERVICE" = reporting ]; then
  mkdir -p "$EVIDENCE" && chmod 0700 "$EVIDENCE"
  before=$(find "$EVIDENCE" -type f -path "$EVIDENCE/??/*" ! -name '.*' | wc -l)
  # -n: never overwrite (a file already there has the same content, its name being its hash).
  # Each file is copied to a temporary name and renamed, so a cut-off copy is never taken for a file.
  (cd "$EVIDENCE_BACKUP" && find . -path './??/*' -type f ! -name '.*' | while read -r file; do
     [ -e "$EVIDENCE/$file" ] && continue
     shard=$(dirname "$file")
     mkdir -p "$EVIDENCE/$shard" && chmod 0700 "$EVIDENCE/$shard" || exit 74
     cp "$file" "$EVIDENCE/$shard/.restore.tmp" && mv "$EVIDENCE/$shard/.restore.tmp" "$EVIDENCE/$file" || exit 74
   done) || exit 74
  sync
  after=$(find "$EVIDENCE" -type f -path "$EVIDENCE/??/*" ! -name '.*' | wc -l)
  echo "evidence: $((after - before)) files copied from $EVIDENCE_BACKUP, $after in $EVIDENCE"
  "$BIN" evidence verify --config "$CONFIG"; status=$?
  [ "$status" -eq 0 ] || exit "$status"
fi
HEAD=$(KINERJA_STORE__PATH="$STORE" "$BIN" audit verify --config "$CONFIG"); status=$?
echo "restored store: $HEAD"
exit "$status"
