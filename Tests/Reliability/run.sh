#!/usr/bin/env bash
# The system-level reliability suite (docs/RELIABILITY.md): starts a separate Kinerja system
# (its own PKI and data under .dev/reliability, services on 27401–27405, web on 28443), stops each
# service in turn and checks what the others answer (service_down.py), fills the disk under the
# feedback service and under reporting's evidence folder (full_disk.py, when it may mount a tmpfs),
# steps service clocks an hour (clock_faults.py, libfaketime), alters an evidence file and a store
# file on disk (bad_files.py), then drives the cycle
# through kinerjactl while a random service is SIGKILLed and restarted every few seconds
# (chaos.py), stops the services and checks every store against the writes acknowledged (check.py).
#
#   Tests/Reliability/run.sh [--kills N] [--max-seconds S] [--interval LO,HI] [--bin DIR] [--no-down]
#                            [--port-base N --dev DIR]   (another system beside this one: web on N+1043)
#   Tests/Reliability/run.sh --smoke --attach DEV PORT_BASE [--bin DIR]
#
# --smoke: 10 kills, 0.7–1.8 s apart, no service-down checks (the step of `make test`). --attach:
# use a system already started by deploy/dev/run.sh under DEV on PORT_BASE (the browser tests'
# system, once they are done) instead of starting one; its services are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BIN="$ROOT/.build/debug"
KILLS=1000
INTERVAL="0.6,1.8"
ATTACH=""
OWN_DEV=""
DOWN=1
WIDEN=--widen-policy
LIMIT=""
PORT_BASE=27400
WEB_PORT=28443
while [[ $# -gt 0 ]]; do
  case $1 in
    --kills) KILLS=$2; shift 2 ;;
    --max-seconds) LIMIT="--max-seconds $2"; shift 2 ;;
    --interval) INTERVAL=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    --smoke) KILLS=10; INTERVAL="0.7,1.8"; DOWN=0; WIDEN=""; shift ;;
    --no-down) DOWN=0; shift ;;
    --port-base) PORT_BASE=$2; WEB_PORT=$(( $2 + 1043 )); shift 2 ;;
    --dev) OWN_DEV=$2; shift 2 ;;
    --attach) ATTACH=$2; PORT_BASE=$3; shift 3 ;;
    *) echo "unknown argument: $1"; exit 2 ;;
  esac
done
# faketime for the clock faults: the certificates are made two hours in the past under it (below). Installed when missing and root.
if [[ ! -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 && ! -e /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 ]] \
   && [[ $(id -u) == 0 ]] && [[ $DOWN == 1 ]]; then
  echo "==> installing faketime (to make the certificates two hours in the past, for the clock faults)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends faketime >/dev/null || true
fi
for tool in kinerja-identity kinerja-planning kinerja-reporting kinerja-feedback kinerja-evaluation kinerja-web kinerjactl; do
  [ -x "$BIN/$tool" ] || { echo "missing $BIN/$tool: build first (swift build)"; exit 1; }
done

if [[ -n $ATTACH ]]; then
  DEV=$ATTACH
else
  DEV="${OWN_DEV:-$ROOT/.dev/reliability}"
  export KINERJA_DEV_DIR="$DEV" KINERJA_BIN="$BIN" KINERJA_PORT_BASE=$PORT_BASE KINERJA_WEB_PORT=$WEB_PORT
  deploy/dev/stop.sh >/dev/null 2>&1 || true
  rm -rf "$DEV"
  mkdir -p "$DEV"
  # The certificates are made two hours in the past (under faketime, when installed), as a deployed
  # system's are older than a day: a service whose clock is stepped an hour back must still accept
  # them (a certificate issued less than an hour ago is "not yet valid" on that clock, rightly).
  if command -v faketime >/dev/null; then
    faketime -f -2h deploy/pki/make-dev-pki.sh "$DEV/pki" >/dev/null
  else
    deploy/pki/make-dev-pki.sh "$DEV/pki" >/dev/null
  fi
  echo "==> starting a separate system under $DEV (ports $((PORT_BASE + 1))–$((PORT_BASE + 5)))"
  deploy/dev/run.sh --detach >"$DEV/run.log" 2>&1 || { cat "$DEV/run.log"; exit 1; }
fi
trap 'KINERJA_DEV_DIR="$DEV" deploy/dev/stop.sh >/dev/null 2>&1 || true' EXIT
rm -rf "$DEV/reliability"
mkdir -p "$DEV/reliability"

status=0
if [[ $DOWN == 1 ]]; then
  echo "==> one service down at a time"
  python3 Tests/Reliability/service_down.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" | tee "$DEV/reliability/down.txt" || status=1
  tail -n 1 "$DEV/reliability/down.txt" >>"$DEV/reliability/counts.txt"
  echo "==> a full disk (feedback's store on a small tmpfs)"
  python3 Tests/Reliability/full_disk.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" | tee "$DEV/reliability/full-disk.txt" || status=1
  tail -n 1 "$DEV/reliability/full-disk.txt" >>"$DEV/reliability/counts.txt"
  echo "==> clock faults (a service's clock stepped an hour: clockshift.c preloaded)"
  python3 Tests/Reliability/clock_faults.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" | tee "$DEV/reliability/clock.txt" || status=1
  tail -n 1 "$DEV/reliability/clock.txt" >>"$DEV/reliability/counts.txt"
  echo "==> bad files (an evidence file and a store file altered on disk)"
  python3 Tests/Reliability/bad_files.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" | tee "$DEV/reliability/bad-files.txt" || status=1
  tail -n 1 "$DEV/reliability/bad-files.txt" >>"$DEV/reliability/counts.txt"
fi
echo "==> load under chaos: $KILLS kills, one every ${INTERVAL/,/–} s"
python3 Tests/Reliability/chaos.py --dev "$DEV" --bin "$BIN" --port-base "$PORT_BASE" --kills "$KILLS" --interval "$INTERVAL" $WIDEN $LIMIT \
  | tee -a "$DEV/reliability/counts.txt" || status=1
echo "==> stopping the services (SIGTERM), then checking the stores"
KINERJA_DEV_DIR="$DEV" deploy/dev/stop.sh >/dev/null
python3 Tests/Reliability/check.py --dev "$DEV" --bin "$BIN" | tee -a "$DEV/reliability/counts.txt" || status=1
if [[ $DOWN == 1 ]]; then
  echo "==> the checker's self-test (a damaged copy must fail it)"
  python3 Tests/Reliability/checker_selftest.py --dev "$DEV" --bin "$BIN" | tee "$DEV/reliability/selftest.txt" || status=1
  tail -n 1 "$DEV/reliability/selftest.txt" >>"$DEV/reliability/counts.txt"
fi
exit $status
