#!/usr/bin/env python3
"""Each process's resident memory once the stack is idle (issue 17: every service idle ≤ 40 MiB).

Reads the pid files in RUN (<name>.pid, as Peak/run.sh writes them) and, per process, VmRSS and
its anonymous part (RssAnon: heap, stacks) from /proc/PID/status and its proportional share (Pss,
shared library pages divided among the processes that map them) from /proc/PID/smaps_rollup.
Prints a table; --json F writes {"rss_mib": {...}, "anon_mib": {...}, "pss_mib": {...}}.
"""
import argparse
import json
import os
import sys


def kib(path, field):
    try:
        with open(path) as file:
            for line in file:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", required=True, help="the folder of <name>.pid files")
    parser.add_argument("--json", help="write the figures here")
    arguments = parser.parse_args()
    figures = {"rss_mib": {}, "anon_mib": {}, "pss_mib": {}}
    for entry in sorted(os.listdir(arguments.run)):
        if not entry.endswith(".pid"):
            continue
        name = entry[:-4]
        with open(os.path.join(arguments.run, entry)) as file:
            pid = file.read().strip()
        rss = kib(f"/proc/{pid}/status", "VmRSS")
        if rss is None:
            print(f"warning: {name} (pid {pid}) is not running", file=sys.stderr)
            continue
        figures["rss_mib"][name] = rss / 1024
        figures["anon_mib"][name] = (kib(f"/proc/{pid}/status", "RssAnon") or 0) / 1024
        figures["pss_mib"][name] = (kib(f"/proc/{pid}/smaps_rollup", "Pss") or 0) / 1024
    print("| process | VmRSS MiB | anonymous MiB | PSS MiB |")
    print("|---|---|---|---|")
    for name in figures["rss_mib"]:
        print(f"| {name} | {figures['rss_mib'][name]:.1f} | {figures['anon_mib'][name]:.1f} | {figures['pss_mib'][name]:.1f} |")
    if arguments.json:
        with open(arguments.json, "w") as file:
            json.dump(figures, file)


if __name__ == "__main__":
    main()
