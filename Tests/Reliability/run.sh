#!/usr/bin/env bash
# A thousand kills under load, with a checker (docs/RELIABILITY.md): starts a separate Kinerja
# system (its own PKI and data under .dev/reliability, services on 27401–27405, web on 28443),
# drives the cycle through kinerjactl while a random service is SIGKILLed and restarted every
# few seconds, stops the services and checks every store against the writes acknowledged.
#
#   Tests/Reliability/run.sh [--kills N] [--interval LO,HI] [--bin DIR]
#   Tests/Reliability/run.sh --smoke --attach DEV PORT_BASE [--bin DIR]
#
# --smoke: 10 kills, 1.5–3 s apart (the step of `make test`). --attach: use a system already
# started by deploy/dev/run.sh under DEV on PORT_BASE (the browser tests' system, once they are
# done) instead of starting one; its services are stopped at the end either way.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BIN="$ROOT/.build/debug"
KILLS=1000
INTERVAL="2,4"
ATTACH=""
PORT_BASE=27400
WEB_PORT=28443
while [[ $# -gt 0 ]]; do
  case $1 in
    --kills) KILLS=$2; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --smoke) KILLS=10; INTERVAL="1.5,3"; shift ;;
    --attach) ATTACH=$2; PORT_BASE=$3; shift 3 ;;
    *) echo "unknown argument: $1"; exit 2 ;;
  esac
done
for tool in kinerja-identity kinerja-planning kinerja-reporting kinerja-feedback kinerja-evaluation kinerja-web kinerjactl; do
  [ -x "$BIN/$tool" ] || { echo "missing $BIN/$tool: build first (swift build)"; exit 1; }
done

if [[ -n $ATTACH ]]; then
  DEV=$ATTACH
else
  DEV="$ROOT/.dev/reliability"
  export KINERJA_DEV_DIR="$DEV" KINERJA_BIN="$BIN" KINERJA_PORT_BASE=$PORT_BASE KINERJA_WEB_PORT=$WEB_PORT
  deploy/dev/stop.sh >/dev/null 2>&1 || true
  rm -rf "$DEV"
  mkdir -p "$DEV"
  deploy/pki/make-dev-pki.sh "$DEV/pki" >/dev/null
  echo "==> starting a separate system under $DEV (ports $((PORT_BASE + 1))–$((PORT_BASE + 5)))"
  deploy/dev/run.sh --detach >"$DEV/run.log" 2>&1 || { cat "$DEV/run.log"; exit 1; }
fi
trap 'KINERJA_DEV_DIR="$DEV" deploy/dev/stop.sh >/dev/null 2>&1 || true' EXIT
rm -rf "$DEV/reliability"
mkdir -p "$DEV/reliability"

echo "==> load under chaos: $KILLS kills, one every ${INTERVAL/,/–} s"
status=0
python3 Tests/Reliability/chaos.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" --kills "$KILLS" --interval "$INTERVAL" || status=1
echo "==> stopping the services (SIGTERM), then checking the stores"
KINERJA_DEV_DIR="$DEV" deploy/dev/stop.sh >/dev/null
python3 Tests/Reliability/check.py --dev "$DEV" --bin "$BIN" || status=1
exit $status
