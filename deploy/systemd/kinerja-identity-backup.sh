#!/bin/sh
# Kept for installations made before the backup wrapper served every service: runs
# `kinerja-backup identity [CONFIG [DIRECTORY]]` (deploy/systemd/kinerja-backup.sh, installed as
# /usr/local/bin/kinerja-backup, or BACKUP_BIN). KEEP_DAYS, HEADS and IDENTITY_BIN work as before.
#
#   kinerja-identity-backup [CONFIG [DIRECTORY]]
exec "${BACKUP_BIN:-/usr/local/bin/kinerja-backup}" identity "$@"
