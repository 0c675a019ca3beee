#!/usr/bin/env python3
"""Bad files (docs/RELIABILITY.md): files altered on disk behind the services' back.

- An evidence file: the pegawai uploads a file, one byte of the stored file is flipped; the
  download must end DATA_LOSS (EVIDENCE_CORRUPTED: the read hashes the file as it streams it) and
  `kinerja-reporting evidence verify` must exit 4 naming it; with the byte put back both pass.
- A store file, damaged structurally: a verified copy of feedback's store (`backup`), one index
  page overwritten; `kinerja-feedback serve` on that copy must refuse to start (exit 74, naming
  integrity_check) instead of serving from it.
- A store file whose row content is altered (one character of a feedback message in the copy, the
  b-tree intact): SQLite keeps no checksum of row content, so integrity_check and the start pass,
  and `audit verify` passes too (the audit chain covers the audit entries, not the rows). Printed
  as a note: what this suite shows is not detected.

    bad_files.py --dev DIR --bin DIR --port-base N
"""
import argparse
import base64
import hashlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import Persona, personas  # noqa: E402
from kinerja_system import System, status_of  # noqa: E402


def flip(path, offset):
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x01]))
        f.flush()
        os.fsync(f.fileno())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    args = parser.parse_args()
    system = System(args.dev, args.bin, args.port_base)
    nips = personas(args.dev)
    failures = 0

    def check(ok, line):
        nonlocal failures
        failures += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {line}")

    # --- an evidence file --------------------------------------------------------------------
    print("== an evidence file altered on disk")
    pegawai = Persona(system, "pegawai", nips["pegawai"], args.password)
    pegawai.session = f"{args.dev}/reliability/bad-files-session.json"
    pegawai.login(threading.Event())
    body = b"%PDF-1.4\n% bad-files\n" + os.urandom(150_000) + b"\n%%EOF\n"
    digest = hashlib.sha256(body).digest()
    upload = [{"header": {"sha256": base64.b64encode(digest).decode(), "sizeBytes": str(len(body)),
                          "fileName": "bukti.pdf", "mediaType": "application/pdf"}}]
    upload += [{"chunk": base64.b64encode(body[i:i + 48_000]).decode()} for i in range(0, len(body), 48_000)]
    status, answer = system.call("reporting/UploadEvidence", upload, session=pegawai.session, key=f"bad-files-{os.urandom(3).hex()}")
    check(status == "OK", f"upload: {status}")
    stored = f"{args.dev}/data/reporting/evidence/{digest.hex()[:2]}/{digest.hex()[2:]}"

    def download():
        done = subprocess.run([f"{args.bin}/kinerjactl", "call", "reporting/DownloadEvidence", "--timeout", "30",
                               "--json", f'{{"sha256": "{base64.b64encode(digest).decode()}"}}'],
                              capture_output=True, text=True, timeout=60, env=system.ctl_environment(pegawai.session))
        return ("OK", "") if done.returncode == 0 else (status_of(done.stderr), done.stderr.strip().splitlines()[-1][:160])

    def verify():
        return system.operator_command("reporting", "evidence", "verify")

    flip(stored, 100_000)
    status, message = download()
    check(status == "DATA_LOSS", f"download of the altered file: {status} {message}")
    result = verify()
    check(result.returncode == 4 and digest.hex() in result.stdout,
          f"evidence verify: exit {result.returncode} {result.stdout.strip()[:120]}")
    flip(stored, 100_000)
    status, message = download()
    check(status == "OK", f"the byte put back: download {status} {message}")
    result = verify()
    check(result.returncode == 0, f"the byte put back: evidence verify exit {result.returncode}")

    # --- a store file ------------------------------------------------------------------------
    print("== a store file damaged on disk (a verified copy of feedback's store)")
    work = f"{args.dev}/reliability/bad-files"
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work, mode=0o700)
    marker = f"bad-files-{os.urandom(4).hex()}"
    atasan = Persona(system, "atasan", nips["atasan"], args.password)
    atasan.session = f"{args.dev}/reliability/bad-files-atasan.json"
    atasan.login(threading.Event())
    status, _ = system.call("feedback/GiveFeedback", [{"feedback": {"recipientNip": nips["pegawai"], "kind": "FEEDBACK_KIND_SARAN",
                                                                    "message": f"Catatan {marker}"}}],
                            session=atasan.session, key=f"bad-files-key-{os.urandom(4).hex()}")
    check(status == "OK", f"feedback with a marker: {status}")
    copy = f"{work}/feedback.sqlite"
    backup = system.operator_command("feedback", "backup", "--output", copy)
    check(backup.returncode == 0, f"backup: {backup.stdout.strip()[:120]}")

    def serve(path):
        """Starts kinerja-feedback on `path` (another port); returns (exit status or None if it listened, stderr tail)."""
        env = dict(os.environ, KINERJA_STORE__PATH=path, KINERJA_LISTEN__PORT=str(free_port()))
        process = subprocess.Popen([f"{args.bin}/kinerja-feedback", "serve", "--config", f"{args.dev}/config/feedback.json"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        deadline = time.monotonic() + 120
        out = []
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.startswith("listening on"):
                process.terminate()
                process.wait(timeout=60)
                return None, ""
            if line:
                out.append(line)
                continue
            if process.poll() is not None:
                return process.returncode, process.stderr.read().strip()[-300:]
        process.kill()
        return "hung", ""

    damaged = f"{work}/damaged.sqlite"
    shutil.copy2(copy, damaged)
    db = sqlite3.connect(damaged)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    index, root = db.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback_item' "
                             "ORDER BY rootpage DESC LIMIT 1").fetchone()
    db.close()
    with open(damaged, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * 64)
    status, stderr = serve(damaged)
    check(status == 74 and "integrity" in stderr, f"serve on a store with index page {root} ({index}) overwritten: "
          f"{'listened (served from it)' if status is None else f'exit {status}'}: {stderr[-200:]}")

    altered = f"{work}/altered.sqlite"
    shutil.copy2(copy, altered)
    with open(altered, "r+b") as f:
        content = f.read()
    # The marker is in the message (the row's body, and the stored answer of its idempotency
    # record), never in an index: the idempotency key is another string.
    offset = content.find(marker.encode())
    check(offset > 0, f"the marker found in the copy ({content.count(marker.encode())} times: row body, stored answer)")
    if offset > 0:
        flip(altered, offset + len(marker) - 1)
        status, stderr = serve(altered)
        audit = subprocess.run([f"{args.bin}/kinerja-feedback", "audit", "verify", "--config", f"{args.dev}/config/feedback.json"],
                               capture_output=True, text=True, timeout=600, env=dict(os.environ, KINERJA_STORE__PATH=altered))
        print(f"  note a row's text altered in place (b-tree intact): serve {'starts' if status is None else f'exit {status}'}, "
              f"audit verify exit {audit.returncode}{': not detected (no checksum of row content in SQLite)' if status is None else ': ' + stderr[-160:]}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"bad-files: {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
