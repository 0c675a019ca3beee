#!/usr/bin/env python3
"""A full disk (docs/RELIABILITY.md): the feedback service's data folder on a tmpfs a few MiB
larger than its store, filled up by a filler file; feedback is given until a write fails, then
the filler is removed and the same write (same idempotency key) and new ones must succeed; the
store must pass integrity_check and its audit chain must verify. Needs root (mount); prints
"skipped" without it. The feedback service runs from the tmpfs copy during the test and from
its own data again afterwards (what was written on the tmpfs is dropped).

    full_disk.py --dev DIR --bin DIR --port-base N
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import Persona, personas  # noqa: E402
from kinerja_system import System  # noqa: E402


def free_bytes(path):
    stat = os.statvfs(path)
    return stat.f_bavail * stat.f_frsize


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    args = parser.parse_args()
    system = System(args.dev, args.bin, args.port_base)
    data = f"{args.dev}/data/feedback"
    mount = f"{args.dev}/reliability/full-disk"
    os.makedirs(mount, exist_ok=True)
    size = sum(os.path.getsize(f"{data}/{name}") for name in os.listdir(data)) + 4 * 1024 * 1024
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", mount],
                      capture_output=True).returncode != 0:
        print("full-disk: skipped (mounting a tmpfs needs root)")
        return 0

    nips = personas(args.dev)
    atasan = Persona(system, "atasan", nips["atasan"], args.password)
    atasan.session = f"{args.dev}/reliability/full-disk-session.json"
    atasan.login(threading.Event())
    failures = 0
    config = f"{args.dev}/config/feedback.json"
    original = open(config).read()
    try:
        system.stop("feedback")
        for name in os.listdir(data):
            shutil.copy2(f"{data}/{name}", f"{mount}/{name}")
        with open(config, "w") as f:
            f.write(original.replace(f'"{data}/feedback.sqlite"', f'"{mount}/feedback.sqlite"'))
        system.start("feedback")
        filler = f"{mount}/filler"
        with open(filler, "wb") as f:
            f.write(b"\0" * max(0, free_bytes(mount) - 192 * 1024))
        print(f"== feedback's store on a {size // 1024} KiB tmpfs, {free_bytes(mount) // 1024} KiB left free")

        def give(key):
            return system.call("feedback/GiveFeedback", [{"feedback": {
                "recipientNip": nips["pegawai"], "kind": "FEEDBACK_KIND_SARAN",
                "message": f"Catatan {key} " + "layanan " * 180}}], session=atasan.session, key=key)

        failed = None
        for n in range(1, 400):
            key = f"full-disk-{os.urandom(3).hex()}-{n}"
            status, answer = give(key)
            if status != "OK":
                failed = (key, status, str(answer).splitlines()[-1][:200], n)
                break
        if failed is None:
            failures += 1
            print("  FAIL no write failed although the disk is full")
        else:
            key, status, message, n = failed
            clear = status in ("RESOURCE_EXHAUSTED", "UNAVAILABLE")
            failures += not clear
            print(f"  {'ok  ' if clear else 'FAIL'} write {n} on the full disk: {status}: {message}")
            status, answer = system.call("feedback/ListFeedback", [{"recipientNip": nips["pegawai"]}], session=atasan.session)
            print(f"  {'ok  ' if status == 'OK' else 'note'} a read while full: {status}")
            os.remove(filler)
            status, answer = give(key)
            failures += status != "OK"
            print(f"  {'ok  ' if status == 'OK' else 'FAIL'} space back: the same write again (same key): {status} {'' if status == 'OK' else answer}")
            status, answer = give(f"full-disk-{os.urandom(3).hex()}-after")
            failures += status != "OK"
            print(f"  {'ok  ' if status == 'OK' else 'FAIL'} a new write: {status} {'' if status == 'OK' else answer}")
        system.stop("feedback")
        db = sqlite3.connect(f"file:{mount}/feedback.sqlite?mode=ro", uri=True)
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        db.close()
        failures += integrity != ["ok"]
        print(f"  {'ok  ' if integrity == ['ok'] else 'FAIL'} integrity_check: {integrity[:3]}")
        audit = system.operator_command("feedback", "audit", "verify")
        failures += audit.returncode != 0
        print(f"  {'ok  ' if audit.returncode == 0 else 'FAIL'} audit verify: exit {audit.returncode} {(audit.stdout + audit.stderr).strip()[-160:]}")
    finally:
        with open(config, "w") as f:
            f.write(original)
        if system.pid("feedback") and system.alive("feedback"):
            system.stop("feedback")
        subprocess.run(["umount", mount], capture_output=True)
        system.start("feedback")
    print(f"full-disk: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
