#!/usr/bin/env python3
"""Load under chaos: workers drive the Kinerja cycle through kinerjactl while a chaos driver
SIGKILLs a random service every few seconds and starts it again. Every write carries its own
idempotency key and a unique marker in its text; retries reuse both. Each write's outcome goes to
DEV/reliability/writes.jsonl (acked: the service answered OK; rejected: it answered a final
error; unacked: no answer within the retry budget), which check.py verifies against the stores.

    chaos.py --dev DIR --bin DIR --port-base N --kills N [--interval LO,HI]
"""
import argparse
import base64
import datetime
import hashlib
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kinerja_system import SERVICES, System  # noqa: E402

# Answers that will not change on a retry: the write is refused, not lost.
FINAL = {"INVALID_ARGUMENT", "NOT_FOUND", "ALREADY_EXISTS", "FAILED_PRECONDITION", "PERMISSION_DENIED",
         "OUT_OF_RANGE", "UNIMPLEMENTED"}
SKM_UNSUR = ["PERSYARATAN", "SISTEM_MEKANISME_PROSEDUR", "WAKTU_PENYELESAIAN", "BIAYA_TARIF", "PRODUK_SPESIFIKASI",
             "KOMPETENSI_PELAKSANA", "PERILAKU_PELAKSANA", "PENANGANAN_PENGADUAN", "SARANA_PRASARANA"]
WITA = datetime.timezone(datetime.timedelta(hours=8))


class Journal:
    """The generator's log of writes (JSON lines, flushed and fsynced per line)."""

    def __init__(self, path):
        self.file = open(path, "a")
        self.lock = threading.Lock()
        self.counts = {}

    def record(self, entry):
        # When the outcome was known (wall clock): the drill compares it with the backup's point.
        entry.setdefault("at", round(time.time(), 3))
        with self.lock:
            self.file.write(json.dumps(entry, sort_keys=True) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())
            key = (entry["kind"], entry["outcome"])
            self.counts[key] = self.counts.get(key, 0) + 1


class Persona:
    """A demo account signed in once; its session file is used by one worker only (kinerjactl
    refreshes the token in it)."""

    def __init__(self, system, role, nip, password):
        self.system, self.role, self.nip, self.password = system, role, nip, password
        self.session = f"{system.dev}/reliability/session-{role}.json"
        self.logins = 0

    def login(self, stop):
        while not stop.is_set():
            ok, error = self.system.login(self.session, self.nip, self.password)
            if ok:
                self.logins += 1
                return True
            time.sleep(1)
        return False


class Generator:
    def __init__(self, system, journal, run_id, stop, retry_budget):
        self.system, self.journal, self.run_id, self.stop = system, journal, run_id, stop
        self.retry_budget = retry_budget
        self.sequence = 0
        self.lock = threading.Lock()
        self.to_verify = []
        self.report_days = []
        # The service each worker is calling now (the chaos driver aims at them half the time).
        self.in_flight = {}

    def next_key(self, kind):
        with self.lock:
            self.sequence += 1
            return f"rel-{self.run_id}-{kind}-{self.sequence:07d}"

    def write(self, kind, method, requests, persona=None, certificate=None, key=None, marker=None, extra=None,
              applied_when_already=False):
        """Sends the write until it is answered: OK (acked: returns the answer), a final error
        (rejected: returns False) or the retry budget is spent (unacked: returns None). The same
        key and request go with every try."""
        entry = {"kind": kind, "key": key, "marker": marker, "method": method, "sent_at": round(time.time(), 3)}
        entry.update(extra or {})
        deadline = time.monotonic() + self.retry_budget
        tries = 0
        self.in_flight[threading.get_ident()] = method.split("/")[0]
        while True:
            tries += 1
            status, answer = self.system.call(method, requests, session=persona.session if persona else None,
                                              certificate=certificate, key=key)
            if status == "OK":
                entry.update(outcome="acked", tries=tries)
                self.journal.record(entry)
                return answer
            if status == "ALREADY_EXISTS" and applied_when_already and tries > 1:
                # A write without an idempotency key whose first try was applied before its answer was lost.
                entry.update(outcome="acked", tries=tries, note="applied by an earlier try")
                self.journal.record(entry)
                return {}
            if status in FINAL:
                entry.update(outcome="rejected", tries=tries, status=status, error=str(answer)[-200:])
                self.journal.record(entry)
                return False
            if status == "UNAUTHENTICATED" and persona is not None:
                persona.login(self.stop)
            if time.monotonic() > deadline or self.stop.is_set() and tries > 1:
                entry.update(outcome="unacked", tries=tries, status=status, error=str(answer)[-200:])
                self.journal.record(entry)
                return None
            time.sleep(random.uniform(0.3, 1.0))

    # --- the cycle ---------------------------------------------------------------------------

    def report_with_evidence(self, pegawai, skp):
        if not self.report_days:
            return self.competence(pegawai)
        key = self.next_key("report")
        body = b"%PDF-1.4\n% " + key.encode() + b"\n" + os.urandom(random.randint(1, 3) * 40_000) + b"\n%%EOF\n"
        digest = hashlib.sha256(body).digest()
        link = {"uri": "urn:kinerja:evidence:sha256:" + digest.hex(), "sha256": base64.b64encode(digest).decode(),
                "title": "bukti.pdf", "mediaType": "application/pdf", "sizeBytes": str(len(body))}
        upload = [{"header": {"sha256": link["sha256"], "sizeBytes": str(len(body)), "fileName": "bukti.pdf",
                              "mediaType": "application/pdf"}}]
        for start in range(0, len(body), 48_000):
            upload.append({"chunk": base64.b64encode(body[start:start + 48_000]).decode()})
        if self.write("evidence", "reporting/UploadEvidence", upload, persona=pegawai, key=key + "-upload",
                      extra={"sha256": digest.hex()}) in (None, False):
            return
        with self.lock:
            if not self.report_days:
                return
            day = random.choice(self.report_days)
        rhk, iki = random.choice(skp["ikis"])
        draft = {"reportDate": {"year": day.year, "month": day.month, "day": day.day}, "rhkId": rhk, "ikiId": iki,
                 "realisationValue": 1, "description": f"Pelayanan KTP-el {key}", "durationMinutes": 0,
                 "evidence": [link]}
        answer = self.write("report", "reporting/SubmitDailyReport", [{"report": draft}], persona=pegawai, key=key,
                            marker=key, extra={"sha256": digest.hex()})
        if answer is False:
            # A day the policy refuses (at its limit, locked, out of the window) takes no more reports.
            with self.lock:
                if day in self.report_days:
                    self.report_days.remove(day)
        if not answer:
            return
        report = answer["report"]
        with self.lock:
            self.to_verify.append((report["reportId"], report.get("revision", "0")))

    def verify(self, atasan):
        with self.lock:
            if not self.to_verify:
                return False
            report_id, revision = self.to_verify.pop(0)
        key = self.next_key("verify")
        self.write("verify", "reporting/VerifyDailyReport",
                   [{"reportId": report_id, "note": f"Sesuai {key}", "expectedRevision": str(revision)}],
                   persona=atasan, key=key, marker=key, extra={"report_id": report_id})
        return True

    def feedback(self, atasan, pegawai_nip):
        key = self.next_key("feedback")
        self.write("feedback", "feedback/GiveFeedback",
                   [{"feedback": {"recipientNip": pegawai_nip, "kind": "FEEDBACK_KIND_APRESIASI",
                                  "message": f"Pelayanan hari ini rapi {key}"}}],
                   persona=atasan, key=key, marker=key)

    def skp_edit(self, pegawai, skp):
        key = self.next_key("skp")
        self.write("skp", "planning/UpdateRhk",
                   [{"rhk": {"rhkId": skp["edit_rhk"], "text": f"Terlayaninya dokumen kependudukan {key}"},
                     "updateMask": {"paths": ["text"]}}],
                   persona=pegawai, key=key, marker=key, extra={"skp_id": skp["skp_id"], "rhk_id": skp["edit_rhk"]})

    def competence(self, pegawai):
        key = self.next_key("competence")
        today = datetime.datetime.now(WITA).date()
        self.write("competence", "evaluation/RecordCompetenceDevelopment",
                   [{"nip": pegawai.nip, "development": {
                       "title": f"Pelatihan pelayanan prima {key}", "kind": "COMPETENCE_DEVELOPMENT_KIND_PELATIHAN_NONKLASIKAL",
                       "startDate": {"year": today.year, "month": today.month, "day": today.day},
                       "endDate": {"year": today.year, "month": today.month, "day": today.day},
                       "jp": 2, "organiser": "BKPSDM Kota Kupang"}}],
                   persona=pegawai, key=key, marker=key)

    def citizen_rating(self, unit_id, pegawai_nip):
        key = self.next_key("ticket")
        answer = self.write("ticket", "feedback/IssueServiceTicket",
                            [{"ticket": {"unitId": unit_id, "servedByNip": pegawai_nip,
                                         "serviceName": f"Penerbitan KTP-el {key}", "counterName": "Loket 2"}}],
                            certificate="citizen-kiosk", key=key, marker=key)
        if not answer:
            return
        code = answer["ticket"]["ticketCode"]
        self.write("rating", "feedback/SubmitCitizenRating",
                   [{"ticketCode": code, "score": random.randint(3, 5),
                     "skmAnswers": [{"unsur": "SKM_UNSUR_" + u, "score": random.randint(2, 4)} for u in SKM_UNSUR]}],
                   certificate="citizen-kiosk", marker=code, extra={"ticket_code": code}, applied_when_already=True)


def report_days(back):
    """The working days (Monday to Friday) from today back `back` calendar days, WITA."""
    today = datetime.datetime.now(WITA).date()
    days = [today - datetime.timedelta(days=n) for n in range(back + 1)]
    return [day for day in days if day.weekday() < 5]


def widen_reporting_policy(system, pengelola, unit_id):
    """The long run files more reports than the default policy allows a pegawai (20 a day, 3 days
    back): the pengelola sets the unit's policy to the contract's maxima (50 a day, 31 days)."""
    policy = {"unitId": unit_id, "backdateDays": 31, "reviewDeadlineDays": 5, "maxReportsPerDay": 50}
    status, answer = system.call("reporting/SetReportingPolicy", [{"policy": policy}], session=pengelola.session,
                                 key=f"rel-policy-{os.urandom(4).hex()}")
    if status != "OK":
        raise RuntimeError(f"SetReportingPolicy: {status} {answer}")


def personas(dev):
    found = {}
    with open(f"{dev}/run/first-start.txt") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "demo:":
                found[parts[1]] = parts[2]
    return found


def current_skp(system, pegawai):
    status, answer = system.call("planning/GetCurrentSkp", [{"nip": pegawai.nip}], session=pegawai.session)
    if status != "OK":
        raise RuntimeError(f"GetCurrentSkp: {status} {answer}")
    skp = answer["skp"]
    ikis = [(r["rhkId"], i["ikiId"]) for r in skp["rhks"] for i in r.get("ikis", [])]
    return {"skp_id": skp["skpId"], "state": skp.get("state"), "unit_id": skp["employee"]["unitId"], "ikis": ikis,
            "edit_rhk": skp["rhks"][-1]["rhkId"]}


def chaos(system, generator, kills, interval, downtime, seconds, stop, counters, journal_path):
    """Every LO–HI seconds: SIGKILL a service (half the time one a worker is calling), leave it
    down 0–`downtime` seconds, start it again; until `kills` kills or `seconds` have passed."""
    log = open(journal_path.replace("writes.jsonl", "kills.jsonl"), "a")
    end = time.monotonic() + seconds
    while counters["kills"] < kills and not stop.is_set() and time.monotonic() < end:
        time.sleep(random.uniform(*interval))
        busy = list(generator.in_flight.values())
        name = random.choice(busy) if busy and random.random() < 0.5 else random.choice(SERVICES)
        started = time.monotonic()
        system.kill(name)
        time.sleep(random.uniform(0, downtime))
        for attempt in range(10):
            try:
                system.start(name)
                break
            except (RuntimeError, OSError) as error:
                if attempt == 9:
                    counters["errors"].append(f"kinerja-{name} could not be restarted: {error}")
                    stop.set()
                    return
                time.sleep(1)
        counters["kills"] += 1
        counters["per_service"][name] = counters["per_service"].get(name, 0) + 1
        log.write(json.dumps({"kill": counters["kills"], "service": name,
                              "restart_s": round(time.monotonic() - started, 2)}) + "\n")
        log.flush()
    stop.set()


def worker(name, stop, step, counters):
    """Runs `step` until the run stops; an exception is counted (the run fails) and the worker goes on."""
    while not stop.is_set():
        try:
            step()
        except Exception as error:  # noqa: BLE001 - any failure of the generator itself fails the run
            counters["errors"].append(f"{name} worker: {type(error).__name__}: {error}")
            time.sleep(1)


class Load:
    """The three workers (pegawai, atasan, citizen kiosk) driving the cycle until `stop` is set:
    what the kill run and the backup drill share."""

    def __init__(self, system, journal_path, retry_budget, password, widen_policy):
        self.system = system
        self.retry_budget = retry_budget
        self.journal = Journal(journal_path)
        self.stop = threading.Event()
        self.generator = Generator(system, self.journal, os.urandom(3).hex(), self.stop, retry_budget)
        self.counters = {"kills": 0, "per_service": {}, "errors": []}
        nips = personas(system.dev)
        self.pegawai = Persona(system, "pegawai", nips["pegawai"], password)
        self.atasan = Persona(system, "atasan", nips["atasan"], password)
        for persona in (self.pegawai, self.atasan):
            if not persona.login(self.stop):
                sys.exit(f"could not sign in the {persona.role}")
        self.skp = current_skp(system, self.pegawai)
        if widen_policy:
            pengelola = Persona(system, "pengelola", nips["pengelola"], password)
            pengelola.login(self.stop)
            widen_reporting_policy(system, pengelola, self.skp["unit_id"])
        # Days the policy refuses (locked, too far back, at the day's limit) drop out as they are refused.
        self.generator.report_days = report_days(31 if widen_policy else 3)
        self.threads = []

    def start(self):
        generator, pegawai, atasan, skp = self.generator, self.pegawai, self.atasan, self.skp
        edits_skp = skp["state"] == "SKP_STATE_DRAFT"

        def pegawai_step():
            choice = random.random()
            if choice < 0.55:
                generator.report_with_evidence(pegawai, skp)
            elif choice < 0.8 and edits_skp:
                generator.skp_edit(pegawai, skp)
            else:
                generator.competence(pegawai)

        def atasan_step():
            if random.random() < 0.7 and generator.verify(atasan):
                return
            generator.feedback(atasan, pegawai.nip)

        def kiosk_step():
            generator.citizen_rating(skp["unit_id"], pegawai.nip)

        self.threads = [threading.Thread(target=worker, args=(n, self.stop, s, self.counters), daemon=True)
                        for n, s in (("pegawai", pegawai_step), ("atasan", atasan_step), ("kiosk", kiosk_step))]
        for thread in self.threads:
            thread.start()

    def join(self):
        """Stops the workers and waits for their writes in flight (each ends acked, rejected or unacked)."""
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=self.retry_budget + 60)

    def logins(self):
        return self.pegawai.logins + self.atasan.logins


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--interval", default="2,5", help="seconds between kills: LO,HI")
    parser.add_argument("--downtime", type=float, default=1.0, help="most seconds a killed service stays down")
    parser.add_argument("--max-seconds", type=float, default=float("inf"),
                        help="stop killing after this long even below --kills (the counts say how many)")
    parser.add_argument("--widen-policy", action="store_true",
                        help="raise the pegawai unit's report limits first (the long run)")
    parser.add_argument("--retry-budget", type=float, default=45.0)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    args = parser.parse_args()
    interval = tuple(float(x) for x in args.interval.split(","))

    system = System(args.dev, args.bin, args.port_base)
    os.makedirs(f"{args.dev}/reliability", exist_ok=True)
    journal_path = f"{args.dev}/reliability/writes.jsonl"
    load = Load(system, journal_path, args.retry_budget, args.password, args.widen_policy)
    generator, stop, counters, journal = load.generator, load.stop, load.counters, load.journal
    run_id = generator.run_id
    started = time.monotonic()
    load.start()
    chaos(system, generator, args.kills, interval, args.downtime, args.max_seconds, stop, counters, journal_path)
    load.join()
    elapsed = time.monotonic() - started

    summary = {"run_id": run_id, "kills": counters["kills"], "per_service": counters["per_service"],
               "seconds": round(elapsed, 1), "logins": load.logins(),
               "writes": {f"{k}/{o}": n for (k, o), n in sorted(journal.counts.items())}, "errors": counters["errors"]}
    with open(f"{args.dev}/reliability/load-summary.json", "w") as f:
        json.dump(summary, f, indent=1)
    print(f"chaos: {counters['kills']} kills {counters['per_service']} in {elapsed:.0f} s; writes: "
          + ", ".join(f"{k}/{o} {n}" for (k, o), n in sorted(journal.counts.items())))
    if counters["errors"]:
        print(f"chaos: {len(counters['errors'])} errors: " + "; ".join(counters["errors"][:5]))
        sys.exit(1)


if __name__ == "__main__":
    main()
