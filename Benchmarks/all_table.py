#!/usr/bin/env python3
"""`Benchmarks/run.sh --all` (issue 17): gathers the JSON of every workload of one run — the RPC
peers and codec (harness.py), the services (IdentityBenchmark --json), the morning peak (PeakLoad)
and the web app (web_bench.py) — and rewrites the table between the markers
`<!-- all:begin -->` and `<!-- all:end -->` in docs/BENCHMARKS.md: date, machine, load from other
processes, each figure with its same-run peer and ratio, and the previous run's figure and ratio
beside it (kept in docs/benchmarks-all.json), so a regression shows as "now ÷ before" below 1
(or above 1 for times). A workload that did not run keeps its row with "—" now.
"""
import argparse
import datetime
import json
import os
import platform
import statistics

BEGIN, END = "<!-- all:begin -->", "<!-- all:end -->"


def load_json(path):
    try:
        with open(path) as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def load_lines(path):
    rows = []
    try:
        with open(path) as file:
            for line in file:
                line = line.strip()
                if line.startswith("{"):
                    try:
                        rows.append(json.loads(line))
                    except ValueError:
                        pass
    except OSError:
        pass
    return rows


def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None


def rpc_rows(data):
    """(key, label, unit, ours, peer name, peer value, ratio, goal, lower is better)."""
    rows = []
    if not data:
        return rows, []
    peers = data.get("peers", {})

    def figure(peer, workload, name):
        return ((peers.get(peer) or {}).get(workload) or {}).get(name)

    def grpc_best(workload, name, lower=False):
        values = [figure(k, workload, name) for k in peers if k.startswith("grpc-")]
        values = [v for v in values if v is not None]
        return (min(values) if lower else max(values)) if values else None

    ours64 = figure("ours", "unary64", "calls_per_s")
    rows.append(("rpc_unary64_limit", "RPC unary 128 B @64", "calls/s", ours64, "raw OpenSSL", figure("raw", "unary64", "calls_per_s"),
                 ratio(ours64, figure("raw", "unary64", "calls_per_s")), "≥ 0.5×", False))
    rows.append(("rpc_unary64_grpc", "RPC unary 128 B @64", "calls/s", ours64, "grpc-swift-2 best", grpc_best("unary64", "calls_per_s"),
                 ratio(ours64, grpc_best("unary64", "calls_per_s")), "≥ 5×", False))
    p50 = figure("ours", "unary1", "p50_us")
    rows.append(("rpc_unary1_p50", "RPC unary p50 @1", "µs", p50, "raw OpenSSL", figure("raw", "unary1", "p50_us"),
                 ratio(p50, figure("raw", "unary1", "p50_us")), "≤ 2×", True))
    stream = figure("ours", "stream", "messages_per_s")
    rows.append(("rpc_stream", "RPC stream 1 KiB", "messages/s", stream, "grpc-swift-2 best", grpc_best("stream", "messages_per_s"),
                 ratio(stream, grpc_best("stream", "messages_per_s")), "≥ 3×", False))
    runtime = figure("ours-runtime", "unary64", "calls_per_s")
    rows.append(("rpc_runtime64", "echo through the full service runtime @64", "calls/s", runtime, "bare echo", ours64,
                 ratio(runtime, ours64), "≥ 0.7×", False))
    for name, row in sorted((data.get("codec") or {}).items()):
        rows.append((f"codec_{name}", f"codec, {name}", "ops/s", row.get("ours_ops_per_s"), "swift-protobuf",
                     row.get("swift_protobuf_ops_per_s"), ratio(row.get("ours_ops_per_s"), row.get("swift_protobuf_ops_per_s")), "≥ 1×", False))
    other = [c for p in peers.values() for c in (p.get("other_cores") or [])]
    return rows, other


def service_rows(lines):
    rows = []
    for line in lines:
        key = line.get("identity")
        if not key:
            continue
        unit = line.get("unit") or ""
        lower = unit in ("s", "ms", "µs", "MiB")
        rows.append((f"svc_{key}", key.replace("_", " "), unit, line.get("ours"), line.get("peer") or "", line.get("peer_value"),
                     line.get("ratio"), line.get("goal") or "", lower))
    return rows


def peak_rows(lines):
    rows, other = [], []
    if not lines:
        return rows, other
    run = lines[-1]
    label = f"peak {run.get('employees')} ASN ×{run.get('compress'):g}"
    for call in run.get("calls", []):
        kind = call["kind"]
        rows.append((f"peak_p50_{kind}", f"{label}: {kind} p50", "ms", call.get("p50_ms"), "", None, None, "", True))
        rows.append((f"peak_p99_{kind}", f"{label}: {kind} p99", "ms", call.get("p99_ms"), "", None, None, "≤ 50 ms", True))
    services = sum(v for k, v in (run.get("cpu_cores") or {}).items() if k in ("identity", "planning", "reporting", "feedback", "evaluation", "web"))
    rows.append(("peak_cores", f"{label}: the six processes' CPU", "cores", services, "", None, None, "≤ 1 (50 % of 2)", True))
    rows.append(("peak_reports", f"{label}: reports filed", "reports/s", run.get("reports_per_s"), "", None, None, "", False))
    other.append(run.get("other_cores"))
    return rows, other


def memory_rows(data):
    """Each process's memory once the stack has been idle after the peak (Peak/idle_memory.py)."""
    rows = []
    if not data:
        return rows
    for name, rss in (data.get("rss_mib") or {}).items():
        anon = (data.get("anon_mib") or {}).get(name)
        pss = (data.get("pss_mib") or {}).get(name)
        rows.append((f"idle_rss_{name}", f"kinerja-{name} idle after the peak: VmRSS (anonymous {number(anon)})", "MiB", rss,
                     "", None, None, "≤ 40", True))
        rows.append((f"idle_pss_{name}", f"kinerja-{name} idle after the peak: PSS (shared pages divided)", "MiB", pss,
                     "", None, None, "", True))
    return rows


def web_rows(data):
    rows = []
    if not data:
        return rows
    runs = data.get("runs") or {}

    def med(name, key):
        values = [r.get(key) for r in runs.get(name, []) if r.get(key) is not None]
        return statistics.median(values) if values else None

    static = med("static page (/static/app.css)", "rps")
    for name in runs:
        if name.startswith("static"):
            continue
        rows.append((f"web_{name}", f"web {name}, wrk", "pages/s", med(name, "rps"), "static page", static, ratio(med(name, "rps"), static), "", False))
    return rows


def number(value, unit=""):
    if value is None:
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}".replace(",", " ")
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def times(value):
    return "" if value is None else f"{value:.2f}×"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rpc")
    parser.add_argument("--services")
    parser.add_argument("--peak")
    parser.add_argument("--web")
    parser.add_argument("--memory")
    parser.add_argument("--doc", required=True)
    parser.add_argument("--history", required=True)
    parser.add_argument("--mode", default="")
    parser.add_argument("--load-average", default="")
    arguments = parser.parse_args()

    rpc, rpc_other = rpc_rows(load_json(arguments.rpc) if arguments.rpc else None)
    peak, peak_other = peak_rows(load_lines(arguments.peak) if arguments.peak else [])
    rows = rpc + service_rows(load_lines(arguments.services) if arguments.services else []) + peak + memory_rows(
        load_json(arguments.memory) if arguments.memory else None) + web_rows(load_json(arguments.web) if arguments.web else None)
    other = [c for c in rpc_other + peak_other if c is not None]
    previous = load_json(arguments.history) or {}
    before = previous.get("rows", {})
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cpu = ""
    try:
        with open("/proc/cpuinfo") as file:
            cpu = next((l.split(":", 1)[1].strip() for l in file if l.startswith("model name")), "")
    except OSError:
        pass
    machine = f"{os.cpu_count()} cores, {cpu or platform.machine()}"
    other_text = f"{statistics.mean(other):.2f} cores on average (max {max(other):.2f})" if other else "not measured"

    lines = [BEGIN, "", f"**Last `Benchmarks/run.sh --all{(' ' + arguments.mode) if arguments.mode else ''}`: {now}**, {machine}, release builds; "
             f"other processes used {other_text} during the measured runs; load average at the end {arguments.load_average or '—'}. "
             f"Previous run: {previous.get('date', 'none')} ({previous.get('mode', '')}; other processes {previous.get('other', '—')}). "
             "Ratios are against the peer measured in the same run; \"now ÷ before\" compares this run's figure with the previous run's "
             "(for times and CPU, above 1 is worse; for rates, below 1 is worse). Written by `Benchmarks/all_table.py`.", "",
             "| workload | unit | now | peer (same run) | ratio | goal | before | ratio before | now ÷ before |",
             "|---|---|---|---|---|---|---|---|---|"]
    seen = set()
    record = {}
    for key, label, unit, ours, peer_name, peer_value, r, goal, lower in rows:
        seen.add(key)
        old = before.get(key, {})
        change = ratio(ours, old.get("ours"))
        peer_text = f"{peer_name} {number(peer_value)}" if peer_name else ""
        lines.append(f"| {label} | {unit} | **{number(ours)}** | {peer_text} | {times(r)} | {goal} | "
                     f"{number(old.get('ours'))} | {times(old.get('ratio'))} | "
                     f"{'' if change is None else format(change, '.2f')} |")
        record[key] = {"label": label, "unit": unit, "ours": ours, "ratio": r}
    for key, old in before.items():
        if key not in seen:
            lines.append(f"| {old.get('label', key)} | {old.get('unit', '')} | — (not run) | | | | {number(old.get('ours'))} | "
                         f"{times(old.get('ratio'))} | |")
    lines += ["", END]
    block = "\n".join(lines)

    with open(arguments.doc) as file:
        doc = file.read()
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + block + doc[doc.index(END) + len(END):]
    else:
        anchor = "## RPC (issue 4)"
        section = "## Every workload, one run (`Benchmarks/run.sh --all`, issue 17)\n\n" + block + "\n\n"
        doc = doc.replace(anchor, section + anchor, 1) if anchor in doc else doc + "\n" + section
    with open(arguments.doc, "w") as file:
        file.write(doc)
    with open(arguments.history, "w") as file:
        json.dump({"date": now, "mode": arguments.mode, "machine": machine, "other": other_text, "rows": record}, file, indent=1, sort_keys=True)
    print(block)


if __name__ == "__main__":
    main()
