#!/usr/bin/env python3
"""Shows the checker can fail: copies a checked system (its data, configurations and journal),
damages the copy in each way the checker looks for — an acknowledged write deleted, a write
stored twice, an audit entry altered, an evidence file altered, a partial upload left, a stray
file in the evidence store — and expects check.py to report each one.

    checker_selftest.py --dev DIR --bin DIR      (DIR: a system check.py has passed, stopped)
"""
import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    dev = os.path.abspath(args.dev)
    copy = tempfile.mkdtemp(prefix="kinerja-checker-selftest-")
    try:
        for part in ("config", "data", "pki", "reliability", "run"):
            shutil.copytree(f"{dev}/{part}", f"{copy}/{part}", symlinks=True,
                            ignore=shutil.ignore_patterns("full-disk"))
        for path in glob.glob(f"{copy}/config/*.json"):
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.replace(dev, copy))
        writes = [json.loads(line) for line in open(f"{copy}/reliability/writes.jsonl") if line.strip()]
        acked = lambda kind: next(w for w in writes if w["kind"] == kind and w["outcome"] == "acked")  # noqa: E731

        lost = acked("feedback")
        db = sqlite3.connect(f"{copy}/data/feedback/feedback.sqlite")
        db.execute("DELETE FROM feedback_item WHERE instr(body, CAST(? AS BLOB)) > 0", (lost["marker"],))
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET detail = detail || ' (altered)' WHERE sequence = (SELECT max(sequence) FROM audit_log)")
        db.commit()
        db.close()

        twice = acked("ticket")
        db = sqlite3.connect(f"{copy}/data/feedback/feedback.sqlite")
        columns = [c[1] for c in db.execute("PRAGMA table_info(service_ticket)")]
        row = list(db.execute("SELECT * FROM service_ticket WHERE instr(body, CAST(? AS BLOB)) > 0", (twice["marker"],)).fetchone())
        row[columns.index("code")] = row[columns.index("code")][:-1] + ("Z" if row[columns.index("code")][-1] != "Z" else "Y")
        db.execute(f"INSERT INTO service_ticket ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})", row)
        db.commit()
        db.close()

        evidence = f"{copy}/data/reporting/evidence"
        stored = sorted(p for p in glob.glob(f"{evidence}/??/*") if re.fullmatch(r"[0-9a-f]{62}", os.path.basename(p)))
        with open(stored[0], "r+b") as f:
            f.seek(20)
            byte = f.read(1)
            f.seek(20)
            f.write(bytes([byte[0] ^ 0xFF]))
        with open(f"{evidence}/incoming/selftest.part", "wb") as f:
            f.write(b"half an upload")
        stray = b"%PDF-1.4 a file nobody uploaded"
        name = hashlib.sha256(stray).hexdigest()
        os.makedirs(f"{evidence}/{name[:2]}", exist_ok=True)
        with open(f"{evidence}/{name[:2]}/{name[2:]}", "wb") as f:
            f.write(stray)

        done = subprocess.run([sys.executable, f"{os.path.dirname(os.path.abspath(__file__))}/check.py", "--dev", copy,
                               "--bin", args.bin], capture_output=True, text=True)
        out = done.stdout
        expected = {
            "the deleted write is lost": "lost 1," in out and lost["marker"] in out,
            "the write stored twice is duplicated": "duplicated 1," in out and twice["marker"] in out,
            "the altered audit entry breaks feedback's chain": "feedback: audit verify exited 4" in out,
            "the altered evidence file fails evidence verify": "evidence verify exited 4" in out,
            "the partial upload is found": "partial uploads left" in out,
            "the stray file is an orphan": "1 orphan files" in out,
            "nothing else is reported (4 integrity failures: the chain, the file, the upload, the orphan)":
                "integrity failures 4," in out,
            "the checker exits 1": done.returncode == 1,
        }
        for what, seen in expected.items():
            print(f"  {'ok  ' if seen else 'FAIL'} {what}")
        missed = [what for what, seen in expected.items() if not seen]
        print(f"checker self-test: {len(expected) - len(missed)} of {len(expected)} damages reported")
        if missed:
            print(out)
        return 1 if missed else 0
    finally:
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
