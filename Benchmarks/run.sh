#!/usr/bin/env bash
# Kinerja RPC benchmark (issue 4): builds every peer in release mode, then runs each server as its
# own process on 127.0.0.1 (ports 7500–7599) against its client and prints one table.
#
#   Benchmarks/run.sh [--quick] [--duration S] [--repeats N] [--warmup S] [--peers raw,grpc-best,…]
#                     [--mux-connections N] [--skip-codec] [--no-build]
#   Benchmarks/run.sh --identity [getemployee|tokens|import|rss|planning|reporting|feedback …] [--quick] [--duration S] [--repeats N] [--no-build] …
#                     (issues 5, 6, 12, 13: the services, IdentityBenchmark; its options in README.md "Identity benchmark")
#   Benchmarks/run.sh --all [--quick] [--no-build]
#                     (issue 17: every workload of every service — the RPC peers and codec, --identity's workloads, the
#                     morning peak (Peak/run.sh) and the web app (Web/run.sh, needs wrk) — then rewrites the table in
#                     docs/BENCHMARKS.md with the previous run's figures beside it; --quick: short runs)
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
all=0
pass=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --identity) identity=1 ;;
        --all) all=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exec python3 "$here/harness.py" --help ;;
        *) pass+=("$arg") ;;
    esac
done

if [ "$all" = 1 ]; then
    # Issue 17: every workload, one after the other (each on its own ports), then one table. A step
    # that fails is reported and the others still run; its rows read "not run".
    out="$scratch/all"
    rm -rf "$out"; mkdir -p "$out"
    quick=0
    for arg in ${pass[@]+"${pass[@]}"}; do [ "$arg" = --quick ] && quick=1; done
    nobuild=(); [ "$build" = 0 ] && nobuild=(--no-build)
    echo "==> --all 1/4: RPC peers and codec" >&2
    "$0" ${nobuild[@]+"${nobuild[@]}"} ${pass[@]+"${pass[@]}"} --json-out "$out/rpc.json" | tee "$out/rpc.txt" \
        || echo "warning: the RPC peers did not finish" >&2
    echo "==> --all 2/4: the services (IdentityBenchmark)" >&2
    "$0" --identity ${nobuild[@]+"${nobuild[@]}"} ${pass[@]+"${pass[@]}"} --json > "$out/services.jsonl" \
        || echo "warning: some service workloads failed (see above)" >&2
    echo "==> --all 3/4: the morning peak (Peak/run.sh)" >&2
    # Kupang's rate (7 000 ASN in 30 minutes = 3.9 filings/s) played by 700 ASN at ×10 (3 minutes); --quick: ×20.
    factor=10; [ "$quick" = 1 ] && factor=20
    # Then 40 s without calls (the services' idle check gives memory back after 15–30 s) and each process's memory.
    "$here/Peak/run.sh" ${nobuild[@]+"${nobuild[@]}"} --employees 700 --compress "$factor" --json "$out/peak.jsonl" \
        --idle-memory 40 --memory-json "$out/memory.json" | tee "$out/peak.txt" \
        || echo "warning: the morning peak did not finish" >&2
    echo "==> --all 4/4: the web app (Web/run.sh)" >&2
    if command -v wrk >/dev/null; then
        web_args=(--duration 10 --repeats 3); [ "$quick" = 1 ] && web_args=(--duration 3 --repeats 1 --sessions 16 --submissions 10)
        rm -f "$root/.dev/web-bench/last-run.json"
        "$here/Web/run.sh" "$scratch/release" "${web_args[@]}" | tee "$out/web.txt" && cp "$root/.dev/web-bench/last-run.json" "$out/web.json" \
            || echo "warning: the web benchmark did not finish" >&2
    else
        echo "warning: no wrk (apt-get install wrk): the web app's rows are not run" >&2
    fi
    exec python3 "$here/all_table.py" --rpc "$out/rpc.json" --services "$out/services.jsonl" --peak "$out/peak.jsonl" --web "$out/web.json" \
        --memory "$out/memory.json" \
        --doc "$root/docs/BENCHMARKS.md" --history "$root/docs/benchmarks-all.json" --mode="${pass[*]-}" \
        --load-average "$(cut -d' ' -f1-3 /proc/loadavg)"
fi

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
