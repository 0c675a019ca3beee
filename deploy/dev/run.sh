#!/usr/bin/env bash
# The development launcher behind `make run`: starts the Kinerja services on 127.0.0.1 with their
# data under .dev/, waits until each answers, prints how to sign in, and runs until Ctrl-C
# (or, with --detach, leaves them running for `make stop`).
#
#   deploy/dev/run.sh [--detach]        (expects a release build and .dev/pki)
#
# KINERJA_DEV_DIR (default .dev), KINERJA_BIN (default .build/release), KINERJA_PORT_BASE (default
# 7400: identity on base+1 … evaluation on base+5) and KINERJA_WEB_PORT (default 8443) let a test
# run a second, separate system (the browser tests do).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DEV="${KINERJA_DEV_DIR:-$ROOT/.dev}"
BIN="${KINERJA_BIN:-$ROOT/.build/release}"
BASE=${KINERJA_PORT_BASE:-7400}
DETACH=0
[[ "${1:-}" == "--detach" ]] && DETACH=1

# Services in start order: name port. The next services join this list.
SERVICES=("identity $((BASE + 1))" "planning $((BASE + 2))" "reporting $((BASE + 3))" "feedback $((BASE + 4))" "evaluation $((BASE + 5))")
DEMO_SEED=${KINERJA_DEMO_SEED:-2026}
DEMO_PASSWORD=${KINERJA_DEMO_PASSWORD:-kinerja-demo-kupang}

mkdir -p "$DEV/config" "$DEV/data" "$DEV/logs" "$DEV/run"
chmod 700 "$DEV"

write_config() {
  local name=$1 port=$2
  local file="$DEV/config/$name.json"
  local section=""
  if [[ $name == identity ]]; then
    section=$(printf ',\n  "identity": { "demo_seed": %s, "demo_password": "%s",\n    "password_hash": { "algorithm": "scrypt", "scrypt_log_n": 17, "scrypt_r": 8, "scrypt_p": 1 } }' "$DEMO_SEED" "$DEMO_PASSWORD")
  elif [[ $name == planning ]]; then
    section=$(printf ',\n  "planning": { "demo_seed": %s }' "$DEMO_SEED")
  elif [[ $name == reporting ]]; then
    section=$(printf ',\n  "reporting": { "demo_seed": %s, "bulk_clients": { "siak-dukcapil": "KPG.DUKCAPIL" } }' "$DEMO_SEED")
  elif [[ $name == feedback ]]; then
    # The citizen kiosk (client/citizen-kiosk) issues tickets at the Dukcapil, DPMPTSP and Puskesmas counters.
    section=$(printf ',\n  "feedback": { "demo_seed": %s,\n    "kiosks": { "citizen-kiosk": ["KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.DINKES"] } }' "$DEMO_SEED")
  elif [[ $name == evaluation ]]; then
    # The demo year: the ended triwulan finalised per perangkat daerah, the current one in progress.
    # The sample TPP rule and SIASN reference table (marked CONTOH) so eval tpp and eval siasn answer.
    section=$(printf ',\n  "evaluation": { "demo_seed": %s,\n    "demo_tpp_rule_file": "%s",\n    "demo_siasn_references_file": "%s" }' \
      "$DEMO_SEED" "$ROOT/deploy/config/tpp-rule.sample.json" "$ROOT/deploy/config/siasn-references.sample.json")
  fi
  local peers='"identity": { "address": "127.0.0.1:'"$((BASE + 1))"'", "identity": "spiffe://kinerja.kupangkota.go.id/service/identity" }'
  if [[ $name == reporting || $name == feedback || $name == evaluation ]]; then
    peers+=', "planning": { "address": "127.0.0.1:'"$((BASE + 2))"'", "identity": "spiffe://kinerja.kupangkota.go.id/service/planning" }'
  fi
  if [[ $name == evaluation ]]; then
    peers+=', "reporting": { "address": "127.0.0.1:'"$((BASE + 3))"'", "identity": "spiffe://kinerja.kupangkota.go.id/service/reporting" }'
    peers+=', "feedback": { "address": "127.0.0.1:'"$((BASE + 4))"'", "identity": "spiffe://kinerja.kupangkota.go.id/service/feedback" }'
  fi
  if [[ $name == feedback ]]; then
    # Reporting is optional for feedback (links to daily reports); configured when it runs here too.
    if printf '%s\n' "${SERVICES[@]}" | grep -q '^reporting '; then
      peers+=', "reporting": { "address": "127.0.0.1:'"$((BASE + 3))"'", "identity": "spiffe://kinerja.kupangkota.go.id/service/reporting" }'
    fi
  fi
  cat > "$file" <<JSON
{
  "listen": { "host": "127.0.0.1", "port": $port },
  "store": { "path": "$DEV/data/$name/$name.sqlite" },
  "tls": {
    "certificate": "$DEV/pki/service/$name.pem",
    "private_key": "$DEV/pki/service/$name.key",
    "trust_roots": "$DEV/pki/ca.pem"
  },
  "peers": { $peers },
  "log": { "level": "info", "format": "json" }$section
}
JSON
}

PIDS=()
stop_all() {
  trap - INT TERM
  echo
  echo "==> stopping (SIGTERM: drain, then close the stores)"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$DEV"/run/*.pid
  echo "==> stopped"
}

for entry in "${SERVICES[@]}"; do
  read -r name port <<<"$entry"
  if [[ -f "$DEV/run/$name.pid" ]] && kill -0 "$(cat "$DEV/run/$name.pid")" 2>/dev/null; then
    echo "kinerja-$name is already running (pid $(cat "$DEV/run/$name.pid")); run 'make stop' first"; exit 1
  fi
  write_config "$name" "$port"
  out="$DEV/run/$name.out"
  : > "$out"
  if [[ $DETACH == 1 ]]; then
    setsid "$BIN/kinerja-$name" serve --config "$DEV/config/$name.json" >"$out" 2>>"$DEV/logs/$name.log" </dev/null &
  else
    "$BIN/kinerja-$name" serve --config "$DEV/config/$name.json" >"$out" 2>>"$DEV/logs/$name.log" &
  fi
  pid=$!
  PIDS+=("$pid")
  echo "$pid" > "$DEV/run/$name.pid"
  # A first start seeds the demo before it listens: minutes for a debug build on a busy machine.
  for _ in $(seq 1 3000); do
    grep -q '^listening on' "$out" && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "kinerja-$name failed to start; the last log lines:"; tail -n 20 "$DEV/logs/$name.log"; exit 1
    fi
    sleep 0.1
  done
  grep -q '^listening on' "$out" || { echo "kinerja-$name did not start within 300 s"; tail -n 20 "$DEV/logs/$name.log"; exit 1; }
  if [[ $name == feedback ]] && grep -q '^demo: ticket' "$out"; then
    (umask 077; grep '^demo: ticket' "$out" > "$DEV/run/demo-tickets.txt")
  fi
  if [[ $name == identity ]] && grep -q '^bootstrap:' "$out"; then
    # First start: keep what the service showed once, readable only by you (development only).
    (umask 077; grep -E '^(bootstrap|demo):' "$out" > "$DEV/run/first-start.txt")
  fi
  echo "==> kinerja-$name $(grep '^listening on' "$out")  (pid $pid, log .dev/logs/$name.log, data .dev/data/$name)"
done

# The web app (HTTPS on 127.0.0.1:8443) in front of the five services, with its own certificates
# (client/web to the services, https/web to browsers).
WEB_PORT=${KINERJA_WEB_PORT:-8443}
if [[ -f "$DEV/run/web.pid" ]] && kill -0 "$(cat "$DEV/run/web.pid")" 2>/dev/null; then
  echo "kinerja-web is already running (pid $(cat "$DEV/run/web.pid")); run 'make stop' first"; exit 1
fi
WEB_PEERS=(--identity "127.0.0.1:$((BASE + 1))" --planning "127.0.0.1:$((BASE + 2))" --reporting "127.0.0.1:$((BASE + 3))"
           --feedback "127.0.0.1:$((BASE + 4))" --evaluation "127.0.0.1:$((BASE + 5))")
out="$DEV/run/web.out"
: > "$out"
if [[ $DETACH == 1 ]]; then
  setsid "$BIN/kinerja-web" --pki "$DEV/pki" --listen "127.0.0.1:$WEB_PORT" "${WEB_PEERS[@]}" >"$out" 2>>"$DEV/logs/web.log" </dev/null &
else
  "$BIN/kinerja-web" --pki "$DEV/pki" --listen "127.0.0.1:$WEB_PORT" "${WEB_PEERS[@]}" >"$out" 2>>"$DEV/logs/web.log" &
fi
pid=$!
PIDS+=("$pid")
echo "$pid" > "$DEV/run/web.pid"
for _ in $(seq 1 300); do
  grep -q '^listening on' "$out" && break
  kill -0 "$pid" 2>/dev/null || { echo "kinerja-web failed to start:"; tail -n 20 "$DEV/logs/web.log" "$out"; exit 1; }
  sleep 0.1
done
grep -q '^listening on' "$out" || { echo "kinerja-web did not start within 30 s"; tail -n 20 "$DEV/logs/web.log"; exit 1; }
echo "==> kinerja-web $(grep '^listening on' "$out")  (pid $pid, log .dev/logs/web.log)"

persona() { grep "^demo: $1 " "$DEV/run/first-start.txt" 2>/dev/null | awk '{print $3}'; }
persona_name() { grep "^demo: $1 " "$DEV/run/first-start.txt" 2>/dev/null | cut -d' ' -f4-; }
CTL="$BIN/kinerjactl"
# The demo's closed 360° round covers the last triwulan that has ended.
month=$(date +%-m); year=$(date +%Y); quarter=$(( (month - 1) / 3 ))
if [[ $quarter == 0 ]]; then ROUND_PERIOD="$((year - 1))-Q4"; else ROUND_PERIOD="$year-Q$quarter"; fi
cat <<TEXT

Kinerja is running (Kupang demo organisation, seed $DEMO_SEED).

Web app: https://127.0.0.1:$WEB_PORT/  (the browser must trust $DEV/pki/ca.pem: README, "The web app")
  pegawai   $(persona pegawai)   atasan $(persona atasan)   pengelola $(persona pengelola)   password: $DEMO_PASSWORD
  citizen:  https://127.0.0.1:$WEB_PORT/rate/$(awk '{print $3}' "$DEV/run/demo-tickets.txt" 2>/dev/null | head -1)

Sign in with kinerjactl (it uses the operator certificate in .dev/pki by default):
  $CTL login --nip $(persona pengelola)      # $(persona_name pengelola), pengelola kinerja (BKPSDM)
  password: $DEMO_PASSWORD
then:
  $CTL whoami
  $CTL units tree
  $CTL employees list --unit-code KPG.DUKCAPIL --subunits
  $CTL skp show --nip $(persona pegawai) --year $(date +%Y)      # a demo SKP (planning, 7402)
  $CTL skp matrix --unit-code KPG.DUKCAPIL --year $(date +%Y)    # Matriks Pembagian Peran dan Hasil
  $CTL penilai show $(persona pegawai)             # who rates the demo pegawai (and: acting list)
  $CTL report compliance --unit KPG.DUKCAPIL                     # who has not filed (reporting, 7403)
As the pegawai ($(persona pegawai)): $CTL report progress, report week, report submit --iki 1.1 …;
as the atasan ($(persona atasan)): $CTL report inbox, report verify ID…, report team.

Feedback (7404), e.g. as the pegawai persona and as the citizen kiosk:
  $CTL feedback summary --nip $(persona pegawai) --period $ROUND_PERIOD     # 360° summary: the closed Dukcapil round
  $CTL feedback citizen-summary --nip $(persona pegawai)
  $CTL feedback rate $(awk '{print $3}' "$DEV/run/demo-tickets.txt" 2>/dev/null | head -1) --score 5 --skm 4,4,3,4,4,4,4,3,4   # a demo ticket, as a citizen at the kiosk
  $CTL feedback ticket issue --unit KPG.DUKCAPIL.DAFDUK.IDENTITAS --nip $(persona pegawai) --service "Penerbitan KTP-el" --counter "Loket 2"
  $CTL feedback skm --unit-code KPG.DUKCAPIL

Evaluation (7405): the ended triwulan of $(date +%Y) are finalised per perangkat daerah, the current one is being rated
(as the pengelola or a pimpinan):
  $CTL eval periods --year $(date +%Y)
  $CTL eval quotas --unit KPG.DUKCAPIL --period $(date +%Y)-Q1     # the unit's curve: quotas, distribution, bars
  $CTL eval leniency --unit KPG.DUKCAPIL --period $(date +%Y)-Q1   # each rater against the unit and the city
  $CTL eval matrix                                                 # the predikat matrix
The printed SKP: $CTL skp print SKP_ID --out skp.pdf; $CTL skp verify-print skp.pdf

Other demo personas (same password):
  pegawai   $(persona pegawai)  $(persona_name pegawai)
  atasan    $(persona atasan)  $(persona_name atasan)
  pimpinan  $(persona pimpinan)  $(persona_name pimpinan)
  auditor   $(persona auditor)  $(persona_name auditor)
  walikota  $(persona walikota)  $(persona_name walikota)   (non-ASN: rates the Sekretaris Daerah)
  plt       $(persona plt)  $(persona_name plt)   (Plt Kepala Bidang, Dinkes)
Administrator $(persona admin): one-time password from the first start, in .dev/run/first-start.txt
  ($(grep -o 'one-time password [^ ]*' "$DEV/run/first-start.txt" 2>/dev/null | head -1 || true)); you choose a new one at first sign-in.

TEXT
if [[ $DETACH == 1 ]]; then
  echo "Running in the background; stop with: make stop"
  exit 0
fi
echo "Press Ctrl-C to stop."
trap stop_all INT TERM
wait "${PIDS[@]}" || true
stop_all
