#!/usr/bin/env python3
"""A full disk (docs/RELIABILITY.md): the feedback service's data folder on a tmpfs a few MiB
larger than its store, filled up by a filler file; feedback is given until a write fails, then
the filler is removed and the same write (same idempotency key) and new ones must succeed; the
store must pass integrity_check and its audit chain must verify. Needs root (mount); prints
"skipped" without it. The feedback service runs from the tmpfs copy during the test and from
its own data again afterwards (what was written on the tmpfs is dropped).

Then the evidence folder full: reporting's evidence folder (`reporting.evidence_folder`) copied
to a tmpfs of its own, separate from the store, filled to 160 KiB free; the pegawai uploads
evidence (about 120 KB each) until an upload fails, which must answer UNAVAILABLE
EVIDENCE_STORE_FULL and leave no partial file in incoming/; a read (the store is on another disk)
answers; once space returns the same upload (same key) and a new one succeed without a restart;
`evidence verify` finds every file intact.

    full_disk.py --dev DIR --bin DIR --port-base N
"""
import base64
import hashlib
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
    # Absolute, as run.sh wrote the configuration: the store path in it is replaced by the tmpfs's.
    args.dev = os.path.abspath(args.dev)
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
        # The store through `backup` (VACUUM INTO: a verified, compact copy without a WAL, whose
        # space SQLite could give back at a checkpoint and so unfill the disk).
        backup = system.operator_command("feedback", "backup", "--output", f"{mount}/feedback.sqlite")
        if backup.returncode != 0:
            raise RuntimeError(f"feedback backup: {(backup.stdout + backup.stderr).strip()[-300:]}")
        for name in os.listdir(data):
            if not name.startswith("feedback.sqlite"):
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
    failures += evidence_full(system, args, nips)
    print(f"full-disk: {failures} failures")
    return 1 if failures else 0


def evidence_full(system, args, nips):
    """Reporting's evidence folder on a small tmpfs of its own; returns the number of failures."""
    folder = f"{args.dev}/data/reporting/evidence"
    mount = f"{args.dev}/reliability/evidence-full"
    os.makedirs(mount, exist_ok=True)
    used = sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)
    size = used + 2 * 1024 * 1024
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", mount],
                      capture_output=True).returncode != 0:
        print("evidence-full: skipped (mounting a tmpfs needs root)")
        return 0
    pegawai = Persona(system, "pegawai", nips["pegawai"], args.password)
    pegawai.session = f"{args.dev}/reliability/evidence-full-session.json"
    pegawai.login(threading.Event())
    failures = 0
    override = {"KINERJA_REPORTING__EVIDENCE_FOLDER": mount}

    def upload(key, body):
        digest = hashlib.sha256(body).digest()
        requests = [{"header": {"sha256": base64.b64encode(digest).decode(), "sizeBytes": str(len(body)),
                                "fileName": "bukti.pdf", "mediaType": "application/pdf"}}]
        for start in range(0, len(body), 48_000):
            requests.append({"chunk": base64.b64encode(body[start:start + 48_000]).decode()})
        return system.call("reporting/UploadEvidence", requests, session=pegawai.session, key=key), digest.hex()

    def pdf(tag):
        return b"%PDF-1.4\n% " + tag.encode() + b"\n" + os.urandom(120_000) + b"\n%%EOF\n"

    try:
        system.stop("reporting")
        subprocess.run(["cp", "-a", f"{folder}/.", f"{mount}/"], check=True)
        system.start("reporting", environment=override)
        filler = f"{mount}/filler"
        with open(filler, "wb") as f:
            f.write(b"\0" * max(0, free_bytes(mount) - 160 * 1024))
        print(f"== reporting's evidence folder on a {size // 1024} KiB tmpfs (the store elsewhere), "
              f"{free_bytes(mount) // 1024} KiB left free")
        failed = None
        for n in range(1, 20):
            key = f"evidence-full-{os.urandom(3).hex()}-{n}"
            body = pdf(key)
            (status, answer), digest = upload(key, body)
            if status != "OK":
                failed = (key, body, status, str(answer).splitlines()[-1][:200], n)
                break
        if failed is None:
            failures += 1
            print("  FAIL no upload failed although the evidence folder is full")
        else:
            key, body, status, message, n = failed
            clear = status == "UNAVAILABLE" and "full" in message
            failures += not clear
            print(f"  {'ok  ' if clear else 'FAIL'} upload {n} into the full folder: {status}: {message}")
            partial = os.listdir(f"{mount}/incoming")
            failures += bool(partial)
            print(f"  {'ok  ' if not partial else 'FAIL'} no partial upload left in incoming/ ({len(partial)} files)")
            status, answer = system.call("reporting/GetProgress", [{"nip": nips["pegawai"], "period": quarter()}],
                                         session=pegawai.session)
            failures += status != "OK"
            print(f"  {'ok  ' if status == 'OK' else 'FAIL'} a read while the evidence folder is full: {status}")
            os.remove(filler)
            (status, answer), digest = upload(key, body)
            stored = os.path.exists(f"{mount}/{digest[:2]}/{digest[2:]}")
            failures += status != "OK" or not stored
            print(f"  {'ok  ' if status == 'OK' and stored else 'FAIL'} space back: the same upload again (same key): {status}, "
                  f"file {'stored' if stored else 'MISSING'}")
            (status, answer), digest = upload(f"evidence-full-{os.urandom(3).hex()}-after", pdf("after"))
            failures += status != "OK"
            print(f"  {'ok  ' if status == 'OK' else 'FAIL'} a new upload: {status}")
        system.stop("reporting")
        verify = subprocess.run([f"{system.bin}/kinerja-reporting", "evidence", "verify", "--config",
                                 f"{system.dev}/config/reporting.json"], capture_output=True, text=True, timeout=600,
                                env=dict(os.environ, **override))
        failures += verify.returncode != 0
        print(f"  {'ok  ' if verify.returncode == 0 else 'FAIL'} evidence verify: exit {verify.returncode} "
              f"{(verify.stdout + verify.stderr).strip()[-160:]}")
    finally:
        if system.pid("reporting") and system.alive("reporting"):
            system.stop("reporting")
        subprocess.run(["umount", mount], capture_output=True)
        system.start("reporting")
    print(f"evidence-full: {failures} failures")
    return failures


def quarter():
    import datetime
    today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()
    return {"year": today.year, "kind": "PERIOD_KIND_QUARTERLY",
            "triwulan": ["TRIWULAN_I", "TRIWULAN_II", "TRIWULAN_III", "TRIWULAN_IV"][(today.month - 1) // 3]}


if __name__ == "__main__":
    sys.exit(main())
