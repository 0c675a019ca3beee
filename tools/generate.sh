#!/usr/bin/env bash
# Regenerates every file derived from proto/: protoc-c's C (Shared/KinerjaProtoC) and the
# Swift layer over it (Shared/KinerjaProto/Generated, Tests/KinerjaProtoTests/Generated).
# Deterministic: running it twice leaves `git diff` empty (CI checks this).
set -euo pipefail
cd "$(dirname "$0")/.."

protos=$(cd proto && find kinerja -name '*.proto' | LC_ALL=C sort)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/c"
(cd proto && protoc-c --c_out="$tmp/c" $protos)
(cd proto && protoc-c --descriptor_set_out="$tmp/contract.pb" --include_source_info $protos)

rm -rf Shared/KinerjaProtoC/Generated Shared/KinerjaProtoC/include/kinerja \
       Shared/KinerjaProto/Generated Tests/KinerjaProtoTests/Generated
(cd "$tmp/c" && find . -name '*.pb-c.c' -o -name '*.pb-c.h' | LC_ALL=C sort) | while read -r f; do
  case "$f" in
    *.c) dest="Shared/KinerjaProtoC/Generated/${f#./}" ;;
    *.h) dest="Shared/KinerjaProtoC/include/${f#./}" ;;
  esac
  mkdir -p "$(dirname "$dest")"
  cp "$tmp/c/$f" "$dest"
done
/usr/bin/python3 tools/generate-swift.py "$tmp/contract.pb" .
