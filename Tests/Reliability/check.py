#!/usr/bin/env python3
"""The checker: after the services are stopped, reads every store directly (read-only) and
verifies what chaos.py's journal (DEV/reliability/writes.jsonl) says was acknowledged.

- every acknowledged write is present exactly once (found by the unique marker in its text, or
  by its id), and no write — acknowledged or not, retried or not — is present twice;
- every store passes PRAGMA integrity_check and foreign_key_check;
- every audit chain verifies (`kinerja-SERVICE audit verify`, the services' own check);
- the evidence store: every file matches its hash (`kinerja-reporting evidence verify`), no
  partial upload is left in incoming/, every file a report names exists, every file on disk is
  named by a report or by a recorded upload (else it is an orphan), every acknowledged upload's
  file exists.

With --backup-point FILE (the backup and restore drill, drill.py): the stores are the ones
restored from a backup taken while the load ran. A write acknowledged before the backup's point
(the instant the first backup started, in FILE) must be present exactly once; a write answered
after it may be missing, never duplicated or half-applied (a report without its evidence link or
file, an RHK text older than the last edit acknowledged before the point).

Prints the counts; exits 1 when anything is lost, duplicated or damaged.

    check.py --dev DIR --bin DIR [--backup-point FILE]
"""
import argparse
import concurrent.futures
import json
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kinerja_system import SERVICES, System  # noqa: E402

REPORT_DIVERIFIKASI = 2
# Where each kind of write leaves a row with its marker in the row's body: (store, table, id column).
MARKED = {
    "report": ("reporting", "daily_report", "report_id"),
    "feedback": ("feedback", "feedback_item", "feedback_id"),
    "competence": ("evaluation", "competence_development", "record_id"),
    "ticket": ("feedback", "service_ticket", "code"),
}
MARKER = re.compile(rb"rel-[0-9a-f]{6}-[a-z]+-[0-9]{7}")


def marker_rows(db, table, id_column):
    """marker → ids of the rows whose body holds it, in one pass over the table."""
    rows = {}
    for row_id, body in db.execute(f"SELECT {id_column}, body FROM {table} WHERE instr(body, CAST('rel-' AS BLOB)) > 0"):
        for marker in set(MARKER.findall(body)):
            rows.setdefault(marker.decode(), []).append(row_id)
    return rows


def open_store(dev, name):
    return sqlite3.connect(f"file:{dev}/data/{name}/{name}.sqlite?mode=ro", uri=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, default=0)
    parser.add_argument("--backup-point", help="a JSON file with the backup's point: {\"point\": unix seconds}")
    args = parser.parse_args()
    point = None
    if args.backup_point:
        with open(args.backup_point) as f:
            point = float(json.load(f)["point"])

    def must_exist(write):
        """Acknowledged — and, in the drill, acknowledged before the backup started."""
        return write["outcome"] == "acked" and (point is None or write["at"] < point)

    system = System(args.dev, args.bin, args.port_base)
    problems = []

    for name in SERVICES:
        if system.pid(name) is not None and system.alive(name):
            sys.exit(f"check: kinerja-{name} is still running; stop the services first")

    # Stores, audit chains (the services' own `audit verify`, run side by side).
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=6)
    verifications = {name: pool.submit(system.operator_command, name, "audit", "verify") for name in SERVICES}
    evidence_check = pool.submit(system.operator_command, "reporting", "evidence", "verify")
    integrity_failures = 0
    stores = {}
    for name in SERVICES:
        db = open_store(args.dev, name)
        stores[name] = db
        result = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            integrity_failures += 1
            problems.append(f"{name}: integrity_check: {result[:5]}")
        foreign = db.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            integrity_failures += 1
            problems.append(f"{name}: foreign_key_check: {foreign[:5]}")
        audit = verifications[name].result()
        if audit.returncode != 0:
            integrity_failures += 1
            problems.append(f"{name}: audit verify exited {audit.returncode}: {(audit.stdout + audit.stderr).strip()[-300:]}")

    # Evidence.
    folder = f"{args.dev}/data/reporting/evidence"
    evidence = evidence_check.result()
    if evidence.returncode != 0:
        integrity_failures += 1
        problems.append(f"evidence verify exited {evidence.returncode}: {(evidence.stdout + evidence.stderr).strip()[-300:]}")
    partial = os.listdir(f"{folder}/incoming") if os.path.isdir(f"{folder}/incoming") else []
    if partial:
        integrity_failures += 1
        problems.append(f"evidence: {len(partial)} partial uploads left in incoming/")
    on_disk = set()
    for shard in os.listdir(folder):
        if len(shard) == 2 and os.path.isdir(f"{folder}/{shard}"):
            on_disk.update(shard + name for name in os.listdir(f"{folder}/{shard}"))
    reporting = stores["reporting"]
    named = {row[0].hex() for row in reporting.execute("SELECT DISTINCT sha256 FROM report_evidence")}
    uploaded = {row[0].hex() for row in reporting.execute("SELECT DISTINCT sha256 FROM evidence_upload")}
    missing = named - on_disk
    # A SIGKILL between an upload's rename into the store and the commit of its row leaves a
    # file no row names; the service's orphan sweep removes it after reporting.orphan_grace_seconds.
    # Such a file must be one this run's generator sent (its hash is in the journal); any other
    # unnamed file is an orphan.
    journal_hashes = set()
    with open(f"{args.dev}/reliability/writes.jsonl") as f:
        journal_hashes = {json.loads(line).get("sha256") for line in f if line.strip()}
    crash_leftovers = (on_disk - named - uploaded) & journal_hashes
    orphans = on_disk - named - uploaded - journal_hashes
    if missing:
        integrity_failures += 1
        problems.append(f"evidence: {len(missing)} files named by reports are missing, e.g. {sorted(missing)[:3]}")
    if orphans:
        integrity_failures += 1
        problems.append(f"evidence: {len(orphans)} orphan files (no report, no recorded upload), e.g. {sorted(orphans)[:3]}")

    # The journal.
    writes = []
    with open(f"{args.dev}/reliability/writes.jsonl") as f:
        writes = [json.loads(line) for line in f if line.strip()]
    acked = [w for w in writes if w["outcome"] == "acked"]
    lost, duplicated, checked = [], [], 0
    after_point_present = 0
    last_skp_edit = {}
    found = {kind: marker_rows(stores[store], table, column) for kind, (store, table, column) in MARKED.items()}
    ratings = {row[0] for row in stores["feedback"].execute("SELECT ticket_code FROM citizen_rating")}
    for write in writes:
        kind = write["kind"]
        if kind in MARKED or kind == "rating":
            if kind == "rating":
                # Ticket codes are stored without the dashes they are shown with; one rating a ticket (UNIQUE).
                count = 1 if write["marker"].replace("-", "") in ratings else 0
            else:
                count = len(found[kind].get(write["marker"], []))
            checked += 1
            if count > 1:
                duplicated.append(write)
            elif must_exist(write) and count != 1:
                lost.append(write)
            elif count == 1 and point is not None and not must_exist(write):
                after_point_present += 1
            # A report present (acknowledged or not) carries its evidence link: never half-applied.
            if kind == "report" and count == 1:
                row = reporting.execute("SELECT count(*) FROM report_evidence WHERE report_id = ? AND sha256 = ?",
                                        (found[kind][write["marker"]][0], bytes.fromhex(write["sha256"]))).fetchone()[0]
                if row != 1:
                    lost.append(dict(write, what="its evidence link"))
        elif kind == "evidence":
            checked += 1
            if must_exist(write) and write["sha256"] not in on_disk:
                lost.append(write)
        elif kind == "verify":
            checked += 1
            if must_exist(write):
                state = reporting.execute("SELECT state FROM daily_report WHERE report_id = ?",
                                          (write["report_id"],)).fetchone()
                if state is None or state[0] != REPORT_DIVERIFIKASI:
                    lost.append(dict(write, found_state=state))
        elif kind == "skp":
            # Edits of one RHK's text, one after another: the text now is the last acknowledged
            # edit's or that of an edit sent after it whose answer never came.
            last_skp_edit.setdefault(write["skp_id"], []).append(write)
    planning = stores["planning"]
    for skp_id, edits in last_skp_edit.items():
        checked += len(edits)
        acked_positions = [i for i, w in enumerate(edits) if must_exist(w)]
        if not acked_positions:
            continue
        last = acked_positions[-1]
        # After a restore, any later edit may be the one in the backup (it was taken while they ran).
        later = edits[last + 1:] if point is not None else [w for w in edits[last + 1:] if w["outcome"] == "unacked"]
        allowed = [edits[last]["marker"]] + [w["marker"] for w in later]
        body = planning.execute("SELECT body FROM skp_version WHERE skp_id = ? AND latest = 1", (skp_id,)).fetchone()
        present = [m for m in allowed if body is not None and m.encode() in body[0]]
        if len(present) != 1:
            lost.append(dict(edits[last], what="the last acknowledged RHK text", found=present))

    retried = sum(1 for w in writes if w.get("tries", 1) > 1)
    summary = {"writes_logged": len(writes), "writes_acknowledged": len(acked), "writes_checked": checked,
               "retried": retried, "lost": len(lost), "duplicated": len(duplicated),
               "integrity_failures": integrity_failures, "evidence_files": len(on_disk),
               "unreferenced_uploads": len((on_disk - named) & uploaded), "crash_leftover_files": len(crash_leftovers)}
    if point is not None:
        before = [w for w in writes if must_exist(w)]
        after = [w for w in acked if not must_exist(w)]
        summary = {"acknowledged_before_point": len(before), "acknowledged_after_point": len(after),
                   "after_point_in_restored_stores": after_point_present, **summary}
    with open(f"{args.dev}/reliability/check-summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print("check: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.items()))
    for write in lost[:10]:
        print(f"check: LOST {json.dumps(write)}")
    for write in duplicated[:10]:
        print(f"check: DUPLICATED {json.dumps(write)}")
    for problem in problems:
        print(f"check: {problem}")
    if lost or duplicated or integrity_failures or not acked:
        sys.exit(1)


if __name__ == "__main__":
    main()
