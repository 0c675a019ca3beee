#!/usr/bin/env bash
# The browser tests of kinerja-web (`make test` runs them after the Swift tests): a separate
# system (its own PKI, data and ports 17401–17405, web on 18443, under .dev/browser-test) from the
# built binaries, then Tests/WebBrowser/journeys.py in headless Chromium. Screenshots go to
# .dev/browser-test/screenshots.
#
#   Tests/WebBrowser/run.sh [BIN]      (BIN: the folder of the binaries, default .build/debug)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BIN="${1:-$ROOT/.build/debug}"
DEV="$ROOT/.dev/browser-test"
VENV="$ROOT/.dev/browser-venv"

# Debian's chromium and its driver (as root, like the other packages), and selenium in a venv.
missing=""
for p in chromium chromium-driver python3-venv; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then echo "browser tests need:$missing (run as root, or apt-get install$missing)"; exit 1; fi
  echo "==> installing Debian packages:$missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
  echo "==> installing selenium into $VENV"
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "selenium>=4.20"
fi

for tool in kinerja-identity kinerja-planning kinerja-reporting kinerja-feedback kinerja-evaluation kinerja-web; do
  [ -x "$BIN/$tool" ] || { echo "missing $BIN/$tool: build first (swift build)"; exit 1; }
done

export KINERJA_DEV_DIR="$DEV" KINERJA_BIN="$BIN" KINERJA_PORT_BASE=17400 KINERJA_WEB_PORT=18443
deploy/dev/stop.sh >/dev/null 2>&1 || true
rm -rf "$DEV"
mkdir -p "$DEV"
deploy/pki/make-dev-pki.sh "$DEV/pki" >/dev/null
trap 'deploy/dev/stop.sh >/dev/null 2>&1 || true' EXIT
deploy/dev/run.sh --detach >"$DEV/run.log" 2>&1 || { cat "$DEV/run.log"; exit 1; }
"$VENV/bin/python" Tests/WebBrowser/journeys.py --base "https://127.0.0.1:$KINERJA_WEB_PORT" --dev "$DEV" --screenshots "$DEV/screenshots"
# `make test` then runs the reliability smoke on this system (it starts none of its own, to stay
# within CI's time): 10 SIGKILLs under load and the checker (Tests/Reliability, docs/RELIABILITY.md).
if [[ "${KINERJA_RELIABILITY_SMOKE:-}" == 1 ]]; then
  echo "==> reliability smoke (Tests/Reliability/run.sh --smoke on this system)"
  Tests/Reliability/run.sh --smoke --attach "$DEV" "$KINERJA_PORT_BASE" --bin "$BIN"
fi
