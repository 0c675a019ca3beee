#!/usr/bin/env python3
"""The backup half of the backup and restore drill (drill.sh, `make drill`; docs/RELIABILITY.md).

`backup`: the workers of chaos.py drive the cycle (no kills) for --before seconds; then the
backup's point is recorded (DEV/reliability/backup-point.json: the wall-clock instant the first
backup started) and every service is backed up the way the nightly units do it while the load
goes on — `kinerja-backup SERVICE` (deploy/systemd/kinerja-backup.sh: online backup, audit verify
of the live store and of the copy, the head appended to a heads file) for the five stores, then
reporting's `evidence backup`; the secrets that are kept apart from the backups
(log-pseudonym.secret, feedback-pseudonym.secret) were copied once before the load, as
docs/OPERATIONS.md tells operators to. The load goes on --after seconds more, then stops.

`probe`: after the restore and the start, a sign-in and a write of each kind of service must
answer OK (the restored system works).

    drill.py backup --dev DIR --bin DIR --port-base N --backups DIR [--before S] [--after S]
    drill.py probe  --dev DIR --bin DIR --port-base N
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import Load, Persona, personas  # noqa: E402
from kinerja_system import SERVICES, System  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SECRETS = ("log-pseudonym.secret", "feedback-pseudonym.secret")


def keep_secrets(dev, backups):
    """Copies each service's secrets to BACKUPS/secrets/SERVICE (what an operator keeps with the TLS keys)."""
    kept = 0
    for name in SERVICES:
        target = f"{backups}/secrets/{name}"
        os.makedirs(target, mode=0o700, exist_ok=True)
        for secret in SECRETS:
            source = f"{dev}/data/{name}/{secret}"
            if os.path.exists(source):
                shutil.copy2(source, f"{target}/{secret}")
                kept += 1
    return kept


def back_up(system, backups):
    """The nightly units' steps for every service; returns {service: (file, head line)} and the evidence line."""
    results = {}
    for name in SERVICES:
        env = dict(os.environ, SERVICE_BIN=f"{system.bin}/kinerja-{name}", HEADS=f"{backups}/audit-heads.log")
        done = subprocess.run(["sh", f"{ROOT}/deploy/systemd/kinerja-backup.sh", name, f"{system.dev}/config/{name}.json",
                               backups], capture_output=True, text=True, env=env, timeout=900)
        if done.returncode != 0:
            raise RuntimeError(f"kinerja-backup {name} exited {done.returncode}: {(done.stdout + done.stderr).strip()[-400:]}")
        copy = [line for line in done.stdout.splitlines() if line.startswith("backup ")]
        # kinerja-backup names the file by its own date: the newest SERVICE-*.sqlite is this one.
        written = max(glob.glob(f"{backups}/{name}-*.sqlite"), key=os.path.getmtime)
        results[name] = (written, copy[-1] if copy else "")
        print(f"drill: {done.stdout.strip().splitlines()[0]}")
    done = subprocess.run([f"{system.bin}/kinerja-reporting", "evidence", "backup", "--config",
                           f"{system.dev}/config/reporting.json", "--output", f"{backups}/reporting-evidence"],
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"evidence backup exited {done.returncode}: {(done.stdout + done.stderr).strip()[-400:]}")
    print(f"drill: {done.stdout.strip()}")
    return results, done.stdout.strip()


def backup_main(args):
    system = System(args.dev, args.bin, args.port_base)
    os.makedirs(f"{args.dev}/reliability", exist_ok=True)
    os.makedirs(args.backups, mode=0o700, exist_ok=True)
    print(f"drill: {keep_secrets(args.dev, args.backups)} secrets kept apart in {args.backups}/secrets")
    load = Load(system, f"{args.dev}/reliability/writes.jsonl", args.retry_budget, args.password, widen_policy=True)
    load.start()
    time.sleep(args.before)
    point = time.time()
    with open(f"{args.dev}/reliability/backup-point.json", "w") as f:
        json.dump({"point": point}, f)
    print(f"drill: backup point {datetime.datetime.fromtimestamp(point, datetime.timezone.utc):%H:%M:%S.%f} UTC, "
          f"{sum(n for (k, o), n in load.journal.counts.items() if o == 'acked')} writes acknowledged so far; backing up under load")
    failure = None
    try:
        results, evidence = back_up(system, args.backups)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        failure = str(error)
        results = {}
    finished = time.time()
    with open(f"{args.dev}/reliability/backup-point.json", "w") as f:
        json.dump({"point": point, "finished": finished,
                   "backups": {name: {"file": file, "head": head} for name, (file, head) in results.items()}}, f, indent=1)
    print(f"drill: backups took {finished - point:.1f} s; the load goes on for {args.after:.0f} s")
    if failure is None:
        time.sleep(args.after)
    load.join()
    acked_before = sum(1 for w in read_journal(args.dev) if w["outcome"] == "acked" and w["at"] < point)
    acked_during = sum(1 for w in read_journal(args.dev) if w["outcome"] == "acked" and point <= w["at"] < finished)
    acked_after = sum(1 for w in read_journal(args.dev) if w["outcome"] == "acked" and w["at"] >= finished)
    print(f"drill: writes acknowledged before the point {acked_before}, while backing up {acked_during}, "
          f"after the backups {acked_after}; "
          + ", ".join(f"{k}/{o} {n}" for (k, o), n in sorted(load.journal.counts.items())))
    if failure or load.counters["errors"]:
        print(f"drill: FAILED: {failure or '; '.join(load.counters['errors'][:5])}")
        return 1
    return 0


def read_journal(dev):
    with open(f"{dev}/reliability/writes.jsonl") as f:
        return [json.loads(line) for line in f if line.strip()]


def probe_main(args):
    """A sign-in and one write per service that the cycle writes to, after the restore."""
    system = System(args.dev, args.bin, args.port_base)
    nips = personas(args.dev)
    atasan = Persona(system, "atasan", nips["atasan"], args.password)
    atasan.session = f"{args.dev}/reliability/probe-session.json"
    stop = threading.Event()
    timer = threading.Timer(120, stop.set)
    timer.start()
    signed_in = atasan.login(stop)
    timer.cancel()
    failures = 0 if signed_in else 1
    print(f"drill: after the restore: sign-in {'OK' if signed_in else 'FAILED'}")
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    quarter = {"year": today.year, "kind": "PERIOD_KIND_QUARTERLY",
               "triwulan": ["TRIWULAN_I", "TRIWULAN_II", "TRIWULAN_III", "TRIWULAN_IV"][(today.month - 1) // 3]}
    checks = [
        ("identity/WhoAmI", [{}], None),
        ("planning/GetCurrentSkp", [{"nip": nips["atasan"]}], None),
        ("reporting/GetProgress", [{"nip": nips["atasan"], "period": quarter}], None),
        ("feedback/GiveFeedback", [{"feedback": {"recipientNip": nips["pegawai"], "kind": "FEEDBACK_KIND_APRESIASI",
                                                  "message": "drill probe after the restore"}}], f"drill-probe-{os.urandom(4).hex()}"),
    ]
    for method, request, key in checks:
        status, answer = system.call(method, request, session=atasan.session, key=key)
        failures += status != "OK"
        print(f"drill: after the restore: {method} {status}{'' if status == 'OK' else ' ' + str(answer)[-200:]}")
    print(f"drill: probe {failures} failures")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["backup", "probe"])
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--backups")
    parser.add_argument("--before", type=float, default=60, help="seconds of load before the backup")
    parser.add_argument("--after", type=float, default=30, help="seconds of load after the backups end")
    parser.add_argument("--retry-budget", type=float, default=45.0)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    args = parser.parse_args()
    if args.mode == "backup":
        if not args.backups:
            parser.error("backup needs --backups DIR")
        return backup_main(args)
    return probe_main(args)


if __name__ == "__main__":
    sys.exit(main())
