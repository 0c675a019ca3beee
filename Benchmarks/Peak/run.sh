#!/usr/bin/env bash
# Kupang's morning peak as a load test (issue 17; method and figures in docs/CAPACITY.md).
# Starts the five services and kinerja-web as release processes on their own ports (identity
# 57401 … evaluation 57405, web 58443; 47401+ is taken by the reliability tests) with their own data under .dev/peak, seeds N employees
# once (not measured: ImportEmployees, accounts, approved SKPs), then runs PeakLoad once per
# compression factor and prints each run's table (JSON lines appended to .dev/peak/runs.jsonl).
#
#   Benchmarks/Peak/run.sh [--no-build] [--fresh] [--seed N] [--employees N] [--compress 10,20,40]
#                          [--keep-running] [--idle-memory S --memory-json F]
#                          [PeakLoad run options: --evidence-bytes B --web-share F …]
#
# Defaults: seed 7 000, employees 7 000, compress 10 (30 minutes in 3). --fresh drops .dev/peak.
# --idle-memory S: after the last run, S seconds without calls, then each process's resident
# memory (VmRSS, its anonymous part, PSS) printed and, with --memory-json, written as JSON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="$root/Benchmarks/.build-bench"
BIN="${KINERJA_PEAK_BIN:-$scratch/release}"
DEV="${KINERJA_PEAK_DIR:-$root/.dev/peak}"
BASE=57400
WEB_PORT=58443
build=1 fresh=0 keep=0 seed=7000 employees=7000 compress=10 idle_memory=0 memory_json=""
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --fresh) fresh=1 ;;
    --keep-running) keep=1 ;;
    --seed) seed=$2; shift ;;
    --employees) employees=$2; shift ;;
    --compress) compress=$2; shift ;;
    --idle-memory) idle_memory=$2; shift ;;
    --memory-json) memory_json=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) pass+=("$1") ;;
  esac
  shift
done
[ "$seed" -ge "$employees" ] || seed=$employees

if [ "$build" = 1 ]; then
  for product in kinerja-identity kinerja-planning kinerja-reporting kinerja-feedback kinerja-evaluation kinerja-web PeakLoad; do
    echo "==> swift build -c release --product $product" >&2
    swift build -c release --package-path "$root/Benchmarks" --scratch-path "$scratch" --product "$product" >&2
  done
fi

SERVICES=(identity planning reporting feedback evaluation)
port_of() { case $1 in identity) echo $((BASE+1));; planning) echo $((BASE+2));; reporting) echo $((BASE+3));; feedback) echo $((BASE+4));; evaluation) echo $((BASE+5));; esac; }
peer() { echo "\"$1\": { \"address\": \"127.0.0.1:$(port_of "$1")\", \"identity\": \"spiffe://kinerja.kupangkota.go.id/service/$1\" }"; }

stop_stack() {
  for name in web "${SERVICES[@]}"; do
    f="$DEV/run/$name.pid"
    if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then kill -TERM "$(cat "$f")" 2>/dev/null || true; fi
  done
  for name in web "${SERVICES[@]}"; do
    f="$DEV/run/$name.pid"
    if [ -f "$f" ]; then
      for _ in $(seq 100); do kill -0 "$(cat "$f")" 2>/dev/null || break; sleep 0.1; done
      rm -f "$f"
    fi
  done
}

write_config() {
  local name=$1 section="" peers
  case $name in
    # The production settings, except: the demo organisation; scrypt at its minimum cost and a
    # sign-in limit per address that lets one generator sign thousands of people in before the
    # peak (sign-ins are not part of the measurement: the app's sessions last 7 days).
    identity) section=', "identity": { "demo_seed": 2026, "demo_password": "kinerja-demo-kupang", "attempts_per_minute_per_address": 10000,
                 "hashing_queue_limit": 10000, "password_hash": { "algorithm": "scrypt", "scrypt_log_n": 10, "scrypt_r": 8, "scrypt_p": 1 } }' ;;
    planning) section=', "planning": { "demo_seed": 2026 }' ;;
    reporting) section=', "reporting": { "demo_seed": 2026, "bulk_clients": { "siak-dukcapil": "KPG.DUKCAPIL" } }' ;;
    feedback) section=', "feedback": { "demo_seed": 2026, "kiosks": { "citizen-kiosk": ["KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.DINKES"] } }' ;;
    evaluation) section=", \"evaluation\": { \"demo_seed\": 2026, \"demo_tpp_rule_file\": \"$root/deploy/config/tpp-rule.sample.json\", \"demo_siasn_references_file\": \"$root/deploy/config/siasn-references.sample.json\" }" ;;
  esac
  peers=$(peer identity)
  case $name in reporting|feedback|evaluation) peers+=", $(peer planning)" ;; esac
  case $name in feedback|evaluation) peers+=", $(peer reporting)" ;; esac
  [ "$name" = evaluation ] && peers+=", $(peer feedback)"
  cat > "$DEV/config/$name.json" <<JSON
{
  "listen": { "host": "127.0.0.1", "port": $(port_of "$name") },
  "store": { "path": "$DEV/data/$name/$name.sqlite" },
  "tls": { "certificate": "$DEV/pki/service/$name.pem", "private_key": "$DEV/pki/service/$name.key", "trust_roots": "$DEV/pki/ca.pem" },
  "peers": { $peers },
  "log": { "level": "info", "format": "json" }$section
}
JSON
}

start_stack() {
  mkdir -p "$DEV/config" "$DEV/data" "$DEV/logs" "$DEV/run"
  for name in "${SERVICES[@]}"; do
    write_config "$name"
    out="$DEV/run/$name.out"; : > "$out"
    setsid "$BIN/kinerja-$name" serve --config "$DEV/config/$name.json" >"$out" 2>>"$DEV/logs/$name.log" </dev/null &
    echo $! > "$DEV/run/$name.pid"
    for _ in $(seq 1200); do grep -q '^listening on' "$out" && break; kill -0 "$(cat "$DEV/run/$name.pid")" 2>/dev/null || break; sleep 0.1; done
    grep -q '^listening on' "$out" || { echo "kinerja-$name did not start"; tail -n 20 "$DEV/logs/$name.log"; exit 1; }
    if [ "$name" = identity ] && grep -q '^demo:' "$out"; then grep -E '^(bootstrap|demo):' "$out" > "$DEV/run/first-start.txt"; fi
    echo "==> kinerja-$name on $(port_of "$name") (pid $(cat "$DEV/run/$name.pid"))" >&2
  done
  if [ ! -x "$BIN/kinerja-web" ]; then echo "warning: no $BIN/kinerja-web: the web share is left out" >&2; return 0; fi
  out="$DEV/run/web.out"; : > "$out"
  setsid "$BIN/kinerja-web" --pki "$DEV/pki" --listen "127.0.0.1:$WEB_PORT" \
    --identity "127.0.0.1:$((BASE+1))" --planning "127.0.0.1:$((BASE+2))" --reporting "127.0.0.1:$((BASE+3))" \
    --feedback "127.0.0.1:$((BASE+4))" --evaluation "127.0.0.1:$((BASE+5))" \
    --sign-in-per-address 1000000 --sign-in-per-account 1000000 --citizen-per-address 1000000 >"$out" 2>>"$DEV/logs/web.log" </dev/null &
  echo $! > "$DEV/run/web.pid"
  for _ in $(seq 300); do grep -q '^listening on' "$out" && break; sleep 0.1; done
  grep -q '^listening on' "$out" || { echo "kinerja-web did not start"; tail -n 20 "$DEV/logs/web.log"; exit 1; }
  echo "==> kinerja-web on $WEB_PORT (pid $(cat "$DEV/run/web.pid"))" >&2
}

stop_stack
if [ "$fresh" = 1 ] || [ ! -f "$DEV/peak-seed.json" ] || \
   [ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['people']))" "$DEV/peak-seed.json" 2>/dev/null || echo 0)" -lt "$employees" ]; then
  rm -rf "$DEV"
  mkdir -p "$DEV"
  chmod 700 "$DEV"
  bash "$root/deploy/pki/make-dev-pki.sh" "$DEV/pki" >/dev/null
  start_stack
  echo "==> seeding $seed employees (not measured)" >&2
  "$BIN/PeakLoad" seed --dev "$DEV" --base $BASE --employees "$seed"
else
  start_stack
fi
[ "$keep" = 1 ] || trap stop_stack EXIT

echo "==> $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=, read -r -a factors <<<"$compress"
for factor in "${factors[@]}"; do
  "$BIN/PeakLoad" run --dev "$DEV" --base $BASE --web-port $WEB_PORT --employees "$employees" --compress "$factor" \
    --label "×$factor" --json "$DEV/runs.jsonl" --web-script "$here/web_share.py" ${pass[@]+"${pass[@]}"}
done
if [ "$idle_memory" != 0 ]; then
  echo "==> ${idle_memory} s without calls, then each process's memory" >&2
  sleep "$idle_memory"
  python3 "$here/idle_memory.py" --run "$DEV/run" ${memory_json:+--json "$memory_json"}
fi
