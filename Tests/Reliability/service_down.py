#!/usr/bin/env python3
"""One service down at a time (docs/RELIABILITY.md): for each of the five services, stops it
(SIGTERM), makes the same calls of the cycle against the system — a read and a write of each
service, as the persona who makes them — and checks each answer against EXPECTED below; then
starts the service again (the others keep running) and checks that every call succeeds again.

A call that hangs shows as DEADLINE_EXCEEDED (kinerjactl's --timeout) and fails the check.

    service_down.py --dev DIR --bin DIR --port-base N
"""
import argparse
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import WITA, Persona, personas  # noqa: E402
from kinerja_system import SERVICES, System  # noqa: E402

# What each probe answers while the service named first is down. A probe not listed for a
# stopped service must answer OK (it does not depend on that service).
EXPECTED = {
    # Identity down longer than the revocation feed's staleness (identity_client.
    # revocation_staleness_seconds, 30 s): every call fails closed — a session identity may have
    # ended is never honoured — and the directory's cached answers (30 s) have expired too.
    "identity": {name: "UNAVAILABLE" for name in (
        "identity.whoami", "planning.current_skp", "reporting.progress", "reporting.submit", "feedback.give",
        "feedback.ticket", "evaluation.propose", "evaluation.competence")},
    "planning": {
        "planning.current_skp": "UNAVAILABLE",
        "evaluation.propose": "UNAVAILABLE",
    },
    "reporting": {
        "reporting.progress": "UNAVAILABLE",
        "reporting.submit": "UNAVAILABLE",
        "evaluation.propose": "UNAVAILABLE",
    },
    "feedback": {
        "feedback.give": "UNAVAILABLE",
        "feedback.ticket": "UNAVAILABLE",
        "evaluation.propose": "UNAVAILABLE",
    },
    "evaluation": {
        "evaluation.propose": "UNAVAILABLE",
        "evaluation.competence": "UNAVAILABLE",
    },
}
# The revocation feed's default staleness, after which identity's absence closes every call.
STALENESS_SECONDS = 30


class Probes:
    def __init__(self, system, pegawai, atasan, pengelola, context):
        self.system, self.pegawai, self.atasan, self.pengelola = system, pegawai, atasan, pengelola
        self.context = context
        self.sequence = 0

    def key(self, what):
        self.sequence += 1
        return f"down-{self.context['run']}-{what}-{self.sequence:04d}"

    def one(self, name):
        return self.all(only=name)[name]

    def all(self, only=None):
        """name → (status, message) of every probe (or of `only`)."""
        c, today = self.context, datetime.datetime.now(WITA).date()
        date = {"year": today.year, "month": today.month, "day": today.day}
        probes = {
            "identity.whoami": (self.pegawai, "identity/WhoAmI", {}, None),
            "planning.current_skp": (self.pegawai, "planning/GetCurrentSkp", {"nip": self.pegawai.nip}, None),
            "reporting.progress": (self.pegawai, "reporting/GetProgress", {"nip": self.pegawai.nip, "period": c["quarter"]}, None),
            "reporting.submit": (self.atasan, "reporting/SubmitDailyReport", {"report": {
                "reportDate": c["report_date"], "rhkId": c["rhk"], "ikiId": c["iki"], "realisationValue": 1,
                "description": "Pelayanan loket", "durationMinutes": 0}}, "report"),
            "feedback.give": (self.atasan, "feedback/GiveFeedback", {"feedback": {
                "recipientNip": self.pegawai.nip, "kind": "FEEDBACK_KIND_SARAN", "message": "Tetap semangat"}}, "feedback"),
            "feedback.ticket": ("citizen-kiosk", "feedback/IssueServiceTicket", {"ticket": {
                "unitId": c["unit_id"], "servedByNip": self.pegawai.nip, "serviceName": "Penerbitan KTP-el",
                "counterName": "Loket 1"}}, "ticket"),
            "evaluation.propose": (self.pengelola, "evaluation/ProposeEvaluations",
                                   {"periodId": c["period_id"], "nips": [c["rated_nip"]], "recompute": True}, "propose"),
            "evaluation.competence": (self.pegawai, "evaluation/RecordCompetenceDevelopment", {
                "nip": self.pegawai.nip, "development": {
                    "title": "Bimtek pelayanan", "kind": "COMPETENCE_DEVELOPMENT_KIND_PELATIHAN_NONKLASIKAL",
                    "startDate": date, "endDate": date, "jp": 2, "organiser": "BKPSDM"}}, "competence"),
        }
        answers = {}
        for name, (who, method, request, write) in probes.items():
            if only and name != only:
                continue
            session = who.session if isinstance(who, Persona) else None
            certificate = who if isinstance(who, str) else None
            status, answer = self.system.call(method, [request], session=session, certificate=certificate,
                                              key=self.key(write) if write else None)
            answers[name] = (status, "" if status == "OK" else str(answer).splitlines()[-1][:160])
        return answers


def context_of(system, pegawai, atasan, pengelola):
    status, answer = system.call("planning/GetCurrentSkp", [{"nip": pegawai.nip}], session=pegawai.session)
    assert status == "OK", (status, answer)
    unit_id = answer["skp"]["employee"]["unitId"]
    # The atasan files the probe's daily report (the load under chaos uses the pegawai's day limit).
    status, answer = system.call("planning/GetCurrentSkp", [{"nip": atasan.nip}], session=atasan.session)
    assert status == "OK", (status, answer)
    rhk = next(r for r in answer["skp"]["rhks"] if r.get("ikis"))
    today = datetime.datetime.now(WITA).date()
    triwulan = ["TRIWULAN_I", "TRIWULAN_II", "TRIWULAN_III", "TRIWULAN_IV"][(today.month - 1) // 3]
    quarter = {"year": today.year, "kind": "PERIOD_KIND_QUARTERLY", "triwulan": triwulan}
    # Someone rated in the current triwulan in the pegawai's unit (the atasan): their evaluation's period.
    status, evaluations = system.call("evaluation/ListEvaluations", [{"unit": {"unitId": unit_id}, "period": quarter}],
                                      session=pengelola.session)
    assert status == "OK" and evaluations.get("evaluations"), (status, evaluations)
    rated = evaluations["evaluations"][0]
    day = today
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return {"run": os.urandom(3).hex(), "unit_id": unit_id, "rhk": rhk["rhkId"], "iki": rhk["ikis"][0]["ikiId"],
            "period_id": rated["periodId"], "rated_nip": rated["employee"]["nip"], "quarter": quarter, "report_date": {"year": day.year, "month": day.month, "day": day.day}}


def recovered(probes):
    """Runs every probe until all answer OK: the services reconnect to a restarted peer by
    themselves (the revocation feed polls every 2 s). Up to 10 rounds; returns the last answers."""
    for _ in range(10):
        answers = probes.all()
        if all(status == "OK" for status, _ in answers.values()):
            return answers
        time.sleep(3)
    return answers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    parser.add_argument("--only", help="stop only this service")
    args = parser.parse_args()
    system = System(args.dev, args.bin, args.port_base)
    os.makedirs(f"{args.dev}/reliability", exist_ok=True)
    nips = personas(args.dev)
    import threading
    never = threading.Event()
    people = {role: Persona(system, role, nips[role], args.password) for role in ("pegawai", "atasan", "pengelola")}
    for persona in people.values():
        persona.session = f"{args.dev}/reliability/down-session-{persona.role}.json"
        persona.login(never)
    probes = Probes(system, people["pegawai"], people["atasan"], people["pengelola"],
                    context_of(system, people["pegawai"], people["atasan"], people["pengelola"]))

    failures = 0
    baseline = probes.all()
    for name, (status, message) in baseline.items():
        if status != "OK":
            failures += 1
            print(f"down: all up: {name} answered {status}: {message}")
    for service in SERVICES:
        if args.only and service != args.only:
            continue
        system.stop(service)
        stopped = time.monotonic()
        if service == "identity":
            # At once, the token and identity's keys the others hold are enough to plan.
            status, answer = probes.one("planning.current_skp")
            early = status == "OK"
            failures += not early
            print(f"== identity down, at once\n  {'ok  ' if early else 'FAIL'} {'planning.current_skp':24} {status:20} "
                  f"{'(the token and the keys held by planning)' if early else str(answer)[-160:]}")
            time.sleep(max(0.0, STALENESS_SECONDS + 5 - (time.monotonic() - stopped)))
        down = probes.all()
        system.start(service)
        back = recovered(probes)
        print(f"== {service} down" + (f" for more than {STALENESS_SECONDS} s" if service == "identity" else ""))
        for name, (status, message) in down.items():
            expected = EXPECTED[service].get(name, "OK")
            mark = "ok  " if status == expected else "FAIL"
            failures += status != expected
            print(f"  {mark} {name:24} {status:20} {message if status != 'OK' else ''}")
        wrong = {name: answer for name, answer in back.items() if answer[0] != "OK"}
        failures += len(wrong)
        print(f"  {'ok  ' if not wrong else 'FAIL'} after kinerja-{service} started again (the others not restarted): "
              + ("every call OK" if not wrong else "; ".join(f"{n} {s} {m}" for n, (s, m) in wrong.items())))
    print(f"service-down: {failures} unexpected answers")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
