#!/usr/bin/env bash
# Instructions per encode + decode, KinerjaProto against swift-protobuf, counted by valgrind's
# callgrind: unlike ops/s these do not move when other work shares the machine.
# instructions/op = (I(2N) − I(N)) / N, so start-up and fixture building cancel out.
#
#   Benchmarks/codec-instructions.sh [N]     (N = 200 by default; needs valgrind and a release build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
binary="$here/.build-bench/release/CodecBenchmark"
n="${1:-200}"
[ -x "$binary" ] || { echo "build first: swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build-bench --product CodecBenchmark" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }
# valgrind 3.19 cannot read the DWARF of Swift 6 binaries: count on a copy without debug info.
stripped="$(mktemp)"
trap 'rm -f "$stripped"' EXIT
objcopy --strip-debug "$binary" "$stripped"
chmod +x "$stripped"
count() {  # count N MESSAGE LIBRARY -> total instructions
    local out
    out="$(mktemp)"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$stripped" --count "$1" --only "$2" --library "$3" >/dev/null 2>&1
    awk '/^summary:/ {print $2}' "$out"
    rm -f "$out"
}
printf "%-16s %16s %16s %20s\n" message "KinerjaProto" "swift-protobuf" "ours/swift-protobuf"
for message in employee skp_10_rhk report_page_100; do
    per=()
    for library in ours swift-protobuf; do
        one="$(count "$n" "$message" "$library")"
        two="$(count $((2 * n)) "$message" "$library")"
        per+=("$(( (two - one) / n ))")
    done
    ratio="$(awk -v a="${per[0]}" -v b="${per[1]}" 'BEGIN { printf "%.2f× (instructions; < 1 is fewer)", a / b }')"
    printf "%-16s %16s %16s %20s\n" "$message" "${per[0]}" "${per[1]}" "$ratio"
done
