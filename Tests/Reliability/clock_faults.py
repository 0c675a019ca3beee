#!/usr/bin/env python3
"""Clock faults (docs/RELIABILITY.md): one service's wall clock stepped an hour forward or back
while it runs, with a small LD_PRELOAD library preloaded into the real binary (clockshift.c,
compiled here with the system's C compiler).

Each service under test is restarted once with LD_PRELOAD=clockshift.so and an offset file ("0":
the true time) that the library reads again every second; writing "3600" into it steps that
process's wall clock (CLOCK_REALTIME: Date(), OpenSSL's time()) an hour forward while it runs, as
an NTP step or an operator's `date -s` would. The monotonic clock is left alone, as a real step
leaves it (deadlines, timeouts, caches and the revocation feed's staleness use it). Debian's
libfaketime was the first choice; with it preloaded a Swift program sees no command-line
arguments (CommandLine.arguments is empty, so `serve --config` fails with exit 64). Every case
compares the answers with what docs/RELIABILITY.md states; the services run on the true clock
again afterwards, and their audit chains must still verify.

Needs the system's PKI to be older than an hour (run.sh makes it two hours in the past under
faketime): a process whose clock is an hour behind refuses a certificate issued less than an hour
ago, as it must ("certificate is not yet valid").

    clock_faults.py --dev DIR --bin DIR --port-base N
"""
import argparse
import datetime
import subprocess
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaos import Persona, current_skp, personas  # noqa: E402
from kinerja_system import System, status_of  # noqa: E402

WITA = datetime.timezone(datetime.timedelta(hours=8))
HOUR = 3600
FAKED = ("identity", "planning", "reporting", "feedback")


def build_clockshift(folder):
    """Compiles clockshift.c into FOLDER; returns the library's path, or None without a C compiler."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clockshift.c")
    library = f"{folder}/clockshift.so"
    os.makedirs(folder, exist_ok=True)
    for compiler in ("cc", "gcc", "clang"):
        try:
            done = subprocess.run([compiler, "-shared", "-fPIC", "-O2", "-o", library, source, "-ldl"],
                                  capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return library
    return None


class Clocks:
    """The services under test, each on a clock of its own (clockshift.so)."""

    def __init__(self, system, library):
        self.system, self.library = system, library
        self.folder = f"{system.dev}/reliability/clocks"
        os.makedirs(self.folder, exist_ok=True)

    def file(self, name):
        return f"{self.folder}/{name}"

    def set(self, name, offset_seconds):
        """Steps `name`'s wall clock to true time + offset (takes effect within a second)."""
        with open(self.file(name) + ".tmp", "w") as f:
            f.write(f"{int(offset_seconds)}\n")
        os.replace(self.file(name) + ".tmp", self.file(name))
        time.sleep(1.5)

    def start_faked(self, name):
        self.system.stop(name)
        with open(self.file(name), "w") as f:
            f.write("0\n")
        self.system.start(name, environment={"LD_PRELOAD": self.library, "CLOCKSHIFT_FILE": self.file(name)})

    def start_true(self, name):
        self.system.stop(name)
        self.system.start(name)

    def clock_of(self, name):
        """The wall clock the process shows in its newest log line (seconds since the epoch), or None."""
        try:
            with open(f"{self.system.dev}/logs/{name}.log", "rb") as f:
                f.seek(0, 2)
                f.seek(max(0, f.tell() - 20000))
                lines = f.read().decode(errors="replace").splitlines()
        except OSError:
            return None
        for line in reversed(lines):
            try:
                stamp = json.loads(line).get("ts") or json.loads(line).get("time") or json.loads(line).get("timestamp")
            except ValueError:
                continue
            if stamp:
                return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--port-base", type=int, required=True)
    parser.add_argument("--password", default=os.environ.get("KINERJA_DEMO_PASSWORD", "kinerja-demo-kupang"))
    args = parser.parse_args()
    library = build_clockshift(f"{args.dev}/reliability/clocks")
    if library is None:
        print("clock-faults: skipped (no C compiler to build clockshift.c)")
        return 0
    system = System(args.dev, args.bin, args.port_base)
    clocks = Clocks(system, library)
    nips = personas(args.dev)
    stop = threading.Event()
    results = []

    def persona(role, tag):
        p = Persona(system, role, nips[role], args.password)
        p.session = f"{args.dev}/reliability/clock-{tag}.json"
        if os.path.exists(p.session):
            os.remove(p.session)
        return p

    def sign_in(p):
        ok, error = system.login(p.session, p.nip, p.password)
        return ("OK", "") if ok else (status_of(error), error.splitlines()[-1][:160] if error else "")

    def expect(case, expected, answer):
        status, message = answer
        good = status in (expected if isinstance(expected, tuple) else (expected,))
        results.append(good)
        print(f"  {'ok  ' if good else 'FAIL'} {case}: {status}{'' if status == 'OK' else ' ' + str(message).splitlines()[-1][:150]}"
              + ("" if good else f" (expected {expected})"))

    def call(p, method, request, key=None, certificate=None):
        status, answer = system.call(method, [request], session=p.session if p else None, key=key, certificate=certificate)
        return status, "" if status == "OK" else str(answer)

    try:
        for name in FAKED:
            clocks.start_faked(name)
        pegawai = persona("pegawai", "pegawai")
        skp = None
        expect("all clocks true: the pegawai signs in", "OK", sign_in(pegawai))
        skp = current_skp(system, pegawai)
        expect("all clocks true: planning GetCurrentSkp", "OK", call(pegawai, "planning/GetCurrentSkp", {"nip": pegawai.nip}))

        # 1. The issuer's clock an hour ahead: its tokens are issued in the future.
        print("== identity's clock stepped +1 h (tokens issued an hour in the future)")
        clocks.set("identity", +HOUR)
        ahead = pegawai_ahead = persona("pegawai", "identity-ahead")
        expect("sign-in at identity", "OK", sign_in(ahead))
        expect("identity WhoAmI (identity checks its own tokens on its own clock)", "OK", call(ahead, "identity/WhoAmI", {}))
        shown = clocks.clock_of("identity")
        expect("planning GetCurrentSkp with that token (true clock: issued 1 h ahead, > 60 s skew)", "UNAUTHENTICATED",
               call(pegawai_ahead, "planning/GetCurrentSkp", {"nip": pegawai.nip}))
        expect("a token issued before the step still works at planning", "OK",
               call(pegawai, "planning/GetCurrentSkp", {"nip": pegawai.nip}))
        clocks.set("identity", 0)
        print(f"  note identity's log clock after the step read {shown - time.time():+.0f} s against the true clock" if shown else
              "  note identity's log shows no timestamp")

        # 2. A verifier's clock off by an hour (the same as the issuer's off the other way).
        for offset, expected_why in ((+HOUR, "expired: a 15-min token is 1 h old on planning's clock"),
                                     (-HOUR, "not valid yet: issued 1 h in planning's future")):
            print(f"== planning's clock stepped {offset // HOUR:+d} h")
            clocks.set("planning", offset)
            fresh = persona("pegawai", f"planning{offset:+d}")
            expect("sign-in (identity on the true clock)", "OK", sign_in(fresh))
            expect(f"planning GetCurrentSkp ({expected_why})", "UNAUTHENTICATED",
                   call(fresh, "planning/GetCurrentSkp", {"nip": pegawai.nip}))
            expect("reporting (true clock) accepts the same token: reporting/GetProgress", "OK",
                   call(fresh, "reporting/GetProgress", {"nip": pegawai.nip, "period": quarter()}))
            clocks.set("planning", 0)
        expect("planning back on the true clock: the same call", "OK", call(fresh, "planning/GetCurrentSkp", {"nip": pegawai.nip}))

        # 3. Deadlines are relative and run on the monotonic clock: a step changes none of them.
        for offset in (+HOUR, -HOUR):
            print(f"== feedback's clock stepped {offset // HOUR:+d} h: the kiosk's call (10 s deadline, propagated to identity)")
            clocks.set("feedback", offset)
            started = time.monotonic()
            answer = call(None, "feedback/IssueServiceTicket", {"ticket": {
                "unitId": skp["unit_id"], "servedByNip": pegawai.nip, "serviceName": "Penerbitan KTP-el (jam bergeser)",
                "counterName": "Loket 3"}}, key=f"clock-ticket-{os.urandom(3).hex()}", certificate="citizen-kiosk")
            took = time.monotonic() - started
            expect(f"IssueServiceTicket answered in {took:.1f} s", "OK", answer)
            clocks.set("feedback", 0)

        # 4. Lockouts are wall-clock instants (account.locked_until): a step moves their end.
        print("== lockout (5 wrong passwords lock for 15 min), then identity's clock stepped +1 h")
        plt = persona("plt", "plt")
        wrong = Persona(system, "plt", nips["plt"], "not-the-password")
        wrong.session = plt.session
        for _ in range(5):
            sign_in(wrong)
        expect("the right password while locked", "RESOURCE_EXHAUSTED", sign_in(plt))
        clocks.set("identity", +HOUR)
        expect("the right password after identity's clock stepped +1 h (the 15 min have passed on its clock)", "OK",
               sign_in(plt))
        clocks.set("identity", 0)
        for _ in range(5):
            sign_in(wrong)
        clocks.set("identity", -HOUR)
        expect("locked again, then identity's clock stepped -1 h: still locked (for 1 h 15 min now)", "RESOURCE_EXHAUSTED",
               sign_in(plt))
        clocks.set("identity", 0)

        # 5. The daily report window follows reporting's clock, in WITA days. An hour's step at
        # 23:30 WITA moves "today" to tomorrow: the step is made here as the offset that puts
        # reporting (and identity, whose tokens must stay valid at reporting) at 00:30 WITA of the
        # next day.
        now = datetime.datetime.now(WITA)
        midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time(0, 30), WITA)
        offset = int((midnight - now).total_seconds())
        tomorrow, after = now.date() + datetime.timedelta(days=1), now.date() + datetime.timedelta(days=2)
        print(f"== reporting's and identity's clocks at 00:30 WITA {tomorrow} (+{offset} s), as after +1 h at 23:30 WITA")
        rhk, iki = skp["ikis"][0]

        def report(day):
            return call(stepped, "reporting/SubmitDailyReport", {"report": {
                "reportDate": {"year": day.year, "month": day.month, "day": day.day}, "rhkId": rhk, "ikiId": iki,
                "realisationValue": 1, "description": f"Laporan jam bergeser {day}", "durationMinutes": 0}},
                key=f"clock-report-{os.urandom(3).hex()}")
        stepped = persona("pegawai", "report-window")
        expect(f"true clocks: a report for {tomorrow} is refused (future in WITA)", "INVALID_ARGUMENT",
               call(pegawai, "reporting/SubmitDailyReport", {"report": {
                   "reportDate": {"year": tomorrow.year, "month": tomorrow.month, "day": tomorrow.day}, "rhkId": rhk,
                   "ikiId": iki, "realisationValue": 1, "description": "Laporan besok", "durationMinutes": 0}},
                   key=f"clock-report-{os.urandom(3).hex()}"))
        clocks.set("identity", offset)
        clocks.set("reporting", offset)
        expect("sign-in at identity", "OK", sign_in(stepped))
        expect(f"a report for {tomorrow} (reporting's today)", ("OK", "FAILED_PRECONDITION"), report(tomorrow))
        expect(f"a report for {after} (reporting's tomorrow) is refused", "INVALID_ARGUMENT", report(after))
        clocks.set("reporting", 0)
        clocks.set("identity", 0)
    finally:
        for name in FAKED:
            try:
                clocks.start_true(name)
            except (RuntimeError, OSError) as error:
                results.append(False)
                print(f"  FAIL kinerja-{name} did not start again on the true clock: {error}")
    print("== audit chains after the steps (entries stamped an hour apart)")
    for name in FAKED:
        audit = system.operator_command(name, "audit", "verify")
        results.append(audit.returncode == 0)
        print(f"  {'ok  ' if audit.returncode == 0 else 'FAIL'} {name} audit verify: exit {audit.returncode} "
              f"{(audit.stdout + audit.stderr).strip()[-120:]}")
    failures = results.count(False)
    print(f"clock-faults: {len(results)} checks, {failures} failures")
    return 1 if failures else 0


def quarter():
    today = datetime.datetime.now(WITA).date()
    return {"year": today.year, "kind": "PERIOD_KIND_QUARTERLY",
            "triwulan": ["TRIWULAN_I", "TRIWULAN_II", "TRIWULAN_III", "TRIWULAN_IV"][(today.month - 1) // 3]}


if __name__ == "__main__":
    sys.exit(main())
