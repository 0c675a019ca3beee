#!/usr/bin/env bash
# Regenerates Sources/SwiftProtobufContract (swift-protobuf 1.39.0 Swift for the codec
# benchmark's protos) with protoc + protoc-gen-swift. The output is committed; there is no build
# plugin. protoc comes from Debian (protobuf-compiler); protoc-gen-swift is built once from the
# swift-protobuf 1.39.0 sources into /tmp (about 2–10 minutes), or taken from $PROTOC_GEN_SWIFT.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
command -v protoc >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }
plugin="${PROTOC_GEN_SWIFT:-/tmp/swift-protobuf-1.39.0/.build/release/protoc-gen-swift}"
if [ ! -x "$plugin" ]; then
    rm -rf /tmp/swift-protobuf-1.39.0
    git clone -q --branch 1.39.0 https://github.com/apple/swift-protobuf.git /tmp/swift-protobuf-1.39.0
    swift build -c release --package-path /tmp/swift-protobuf-1.39.0 --product protoc-gen-swift
fi
out="$here/Sources/SwiftProtobufContract"
rm -f "$out"/*.pb.swift
cd "$root/proto"
protoc --plugin=protoc-gen-swift="$plugin" \
    --swift_out=Visibility=Public,FileNaming=PathToUnderscores:"$out" \
    kinerja/common/v1/common.proto kinerja/identity/v1/identity.proto \
    kinerja/planning/v1/planning.proto kinerja/reporting/v1/reporting.proto
echo "generated: $(ls "$out" | wc -l) files in ${out#$root/}"
