#!/usr/bin/env python3
"""The web app's share of the morning peak (issue 17, docs/CAPACITY.md), started by PeakLoad:
signs --nips in through kinerja-web's form (one keep-alive HTTPS connection and session each),
waits until --start-at (epoch seconds), then requests the week page (/minggu: planning's targets
and reporting's reports of the week, rendered) --requests times spread evenly over --duration
seconds, open loop, one thread per session. Writes {"latencies_us": [...], "failures": n,
"first_failure": "..."} to --out."""
import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Web"))
import web_bench  # noqa: E402  (Browser: a session over one HTTPS keep-alive connection)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--nips", required=True)
    parser.add_argument("--start-at", type=float, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    web_bench.trust(args.ca)
    nips = [n for n in args.nips.split(",") if n]
    browsers = []
    for nip in nips:
        browser = web_bench.Browser(args.host, args.port)
        browser.sign_in(nip, args.password)
        browsers.append(browser)
    latencies, failures, first = [], [0], [""]
    lock = threading.Lock()
    interval = args.duration / max(args.requests, 1)

    def worker(index, browser):
        slot = index
        while slot < args.requests:
            due = args.start_at + slot * interval
            delay = due - time.time()
            if delay > 0:
                time.sleep(delay)
            started = time.perf_counter()
            try:
                status, _, page = browser.request("GET", "/minggu")
                ok = status == 200
                problem = "" if ok else f"status {status}"
            except Exception as error:  # a failed request is counted, not timed
                ok, problem = False, repr(error)
            elapsed = (time.perf_counter() - started) * 1e6
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    failures[0] += 1
                    first[0] = first[0] or problem
            slot += len(browsers)

    threads = [threading.Thread(target=worker, args=(i, b)) for i, b in enumerate(browsers)]
    while time.time() < args.start_at:
        time.sleep(0.01)
    cpu_start = time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open(args.out, "w") as file:
        json.dump({"latencies_us": latencies, "failures": failures[0], "first_failure": first[0],
                   "cpu_s": time.process_time() - cpu_start}, file)


if __name__ == "__main__":
    main()
