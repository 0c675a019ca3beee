#!/usr/bin/env bash
# kinerja-web's benchmark (issue 16): starts the five services with their demo (ports 17601–17605,
# .dev/web-bench) from BIN, then a kinerja-web on 18643 whose own rate limits do not throttle the
# load (the benchmark signs in 64 sessions of one pegawai and hammers the citizen page from one
# address), and runs web_bench.py with wrk. Figures only; nothing passes or fails.
#
#   Benchmarks/Web/run.sh [BIN] [web_bench.py options: --duration S --repeats N --sessions N --submissions N]
#   BIN: the folder of the binaries (default .build/release when it has kinerja-web, else .build/debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BIN=""
if [ $# -gt 0 ] && [ -d "$1" ]; then BIN=$(cd "$1" && pwd); shift; fi
if [ -z "$BIN" ]; then
  if [ -x "$ROOT/.build/release/kinerja-web" ]; then BIN="$ROOT/.build/release"; else BIN="$ROOT/.build/debug"; fi
fi
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
DEV="$ROOT/.dev/web-bench"
PORT=18643
export KINERJA_DEV_DIR="$DEV" KINERJA_BIN="$BIN" KINERJA_PORT_BASE=17600 KINERJA_WEB_PORT=18642
deploy/dev/stop.sh >/dev/null 2>&1 || true
rm -rf "$DEV"
mkdir -p "$DEV"
deploy/pki/make-dev-pki.sh "$DEV/pki" >/dev/null
web_pid=""
cleanup() {
  [ -n "$web_pid" ] && kill "$web_pid" 2>/dev/null || true
  deploy/dev/stop.sh >/dev/null 2>&1 || true
}
trap cleanup EXIT
deploy/dev/run.sh --detach >"$DEV/run.log" 2>&1 || { cat "$DEV/run.log"; exit 1; }
peers=()
for i in 1 2 3 4 5; do
  name=$(echo identity planning reporting feedback evaluation | cut -d' ' -f$i)
  peers+=(--$name "127.0.0.1:1760$i")
done
"$BIN/kinerja-web" --pki "$DEV/pki" --listen "127.0.0.1:$PORT" "${peers[@]}" \
  --sign-in-per-address 1000000 --sign-in-per-account 1000000 --citizen-per-address 1000000 >"$DEV/bench-web.out" 2>"$DEV/bench-web.log" &
web_pid=$!
for _ in $(seq 60); do grep -q '^listening on' "$DEV/bench-web.out" 2>/dev/null && break; sleep 0.5; done
grep -q '^listening on' "$DEV/bench-web.out" || { echo "kinerja-web did not start"; cat "$DEV/bench-web.log"; exit 1; }
nip=$(grep '^demo: pegawai ' "$DEV/run/first-start.txt" | awk '{print $3}')
ticket=$(grep '^demo: ticket' "$DEV/run/demo-tickets.txt" | head -1 | awk '{print $3}')
echo "==> $BIN, kinerja-web on $PORT (pid $web_pid), pegawai $nip, ticket $ticket"
python3 Benchmarks/Web/web_bench.py --port "$PORT" --nip "$nip" --ticket "$ticket" --ca "$DEV/pki/ca.pem" --json "$DEV/last-run.json" "$@"
