#!/usr/bin/env bash
# Kinerja RPC benchmark (issue 4): builds every peer in release mode, then runs each server as its
# own process on 127.0.0.1 (ports 7500–7599) against its client and prints one table.
#
#   Benchmarks/run.sh [--quick] [--duration S] [--repeats N] [--warmup S] [--peers raw,grpc-best,…]
#                     [--mux-connections N] [--skip-codec] [--no-build]
#   Benchmarks/run.sh --identity [getemployee|tokens|import|rss|planning|reporting|feedback …] [--quick] [--duration S] [--repeats N] [--no-build] …
#                     (issues 5, 6, 12, 13: the services, IdentityBenchmark; its options in README.md "Identity benchmark")
#
# Default: median of 3 × 10 s per workload (about 12 minutes: raw, four grpc tunings, ours, codec); --quick is
# 3 s × 1. Needs: Swift 6, cc, libssl-dev, openssl, python3, libprotobuf-c-dev (the parent's
# codec). See Benchmarks/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scratch="$here/.build-bench"
build=1
identity=0
pass=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --identity) identity=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exec python3 "$here/harness.py" --help ;;
        *) pass+=("$arg") ;;
    esac
done

# The development PKI (kept when it is already valid).
bash "$root/deploy/pki/make-dev-pki.sh" "${KINERJA_PKI_DIR:-$root/.dev/pki}" >&2

if [ "$identity" = 1 ]; then
    # Issue 5: the identity service against the plain echo, openssl speed and GRDB directly, all in
    # one IdentityBenchmark process (README.md "Identity benchmark"). kinerja-identity is the
    # parent's executable, built here from the parent's sources into the same scratch folder.
    if [ "$build" = 1 ]; then
        products=(IdentityBenchmark kinerja-identity RPCBenchServer)
        # The planning workload (issue 6) needs the parent's kinerja-planning, when it has one.
        if grep -q '"kinerja-planning"' "$root/Package.swift"; then products+=(kinerja-planning); fi
        # The reporting workload (issue 12) needs the parent's kinerja-reporting.
        if grep -q '"kinerja-reporting"' "$root/Package.swift"; then products+=(kinerja-reporting); fi
        # The feedback workload (issue 13) needs kinerja-feedback (and kinerja-planning).
        if grep -q '"kinerja-feedback"' "$root/Package.swift"; then products+=(kinerja-feedback); fi
        # The evaluation workload (issue 14) needs kinerja-evaluation beside the other four.
        if grep -q '"kinerja-evaluation"' "$root/Package.swift"; then products+=(kinerja-evaluation); fi
        for product in "${products[@]}"; do
            echo "==> swift build -c release --product $product" >&2
            swift build -c release --package-path "$here" --scratch-path "$scratch" --product "$product" >&2
        done
    fi
    exec "$scratch/release/IdentityBenchmark" --pki "${KINERJA_PKI_DIR:-$root/.dev/pki}" ${pass[@]+"${pass[@]}"}
fi

if [ "$build" = 1 ]; then
    mkdir -p "$scratch"
    echo "==> cc: raw OpenSSL peer" >&2
    cc -O2 -Wall -o "$scratch/raw-openssl-peer" "$here/RawOpenSSL/raw_openssl_peer.c" -lssl -lcrypto -lpthread
    # The "ours" peer is built once the RPC engineer has declared it in Package.swift. A product
    # that fails to build (the parent package may be mid-edit) is removed, so its column reads
    # "not built" rather than showing a stale binary's figures, and the other peers still run.
    products=(GRPCBenchServer GRPCBenchClient CodecBenchmark)
    for product in RPCBenchServer RPCBenchClient; do
        if grep -q "\"$product\"" "$here/Package.swift"; then products+=("$product"); fi
    done
    for product in "${products[@]}"; do
        echo "==> swift build -c release --product $product" >&2
        swift build -c release --package-path "$here" --scratch-path "$scratch" --product "$product" >&2 \
            || { echo "warning: $product did not build; its figures are left out" >&2; rm -f "$scratch/release/$product"; }
    done
fi

exec python3 "$here/harness.py" --pki "${KINERJA_PKI_DIR:-$root/.dev/pki}" ${pass[@]+"${pass[@]}"}
