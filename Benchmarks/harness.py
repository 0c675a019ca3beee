#!/usr/bin/env python3
"""Runs every RPC benchmark peer on loopback and prints one table (issue 4, "Performance").

Started by Benchmarks/run.sh after the release build; see Benchmarks/README.md. Each peer is a
server process and a client process that follow the peer contract (README.md): the client prints
one JSON line {"calls_per_s", "p50_us", "p99_us", "messages_per_s"}. Nothing here measures time
itself: the figures are the clients', the RSS is the server's /proc/PID/status.
"""
import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="measured seconds per run (10)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per workload; the median is shown (3)")
    parser.add_argument("--warmup", type=float, default=1.0, help="unmeasured seconds before each run (1)")
    parser.add_argument("--quick", action="store_true", help="3 s × 1 run, 0.5 s warm-up, short codec runs")
    parser.add_argument("--bin", default=os.path.join(HERE, ".build-bench", "release"), help="Swift peers' folder")
    parser.add_argument("--raw", default=os.path.join(HERE, ".build-bench", "raw-openssl-peer"), help="C peer binary")
    parser.add_argument("--pki", default=os.path.join(ROOT, ".dev", "pki"))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--base-port", type=int, default=7500, help="peers listen on base+10, base+20, … (< 7600)")
    parser.add_argument("--mux-connections", type=int, default=1,
                        help="connections that multiplexing peers (grpc, ours) spread 64 in-flight calls over (1); "
                             "the raw peer always uses one connection per call in flight")
    parser.add_argument("--peers", default="raw,grpc,ours,ours-runtime",
                        help="comma-separated subset of raw, grpc (all four tunings), grpc-defaults, grpc-executor, "
                             "grpc-no-coalescing, grpc-best, ours, ours-runtime")
    parser.add_argument("--skip-codec", action="store_true")
    parser.add_argument("--baseline", default=None,
                        help="a folder with RPCBenchServer and RPCBenchClient of another build (e.g. main's): run them "
                             "as the peer 'baseline' after 'ours' and compare them in a second table")
    parser.add_argument("--json-out", default=os.path.join(HERE, ".build-bench", "last-run.json"))
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.duration, arguments.repeats, arguments.warmup = 3.0, 1, 0.5
    return arguments


def peers(arguments):
    """Every peer: (key, label, server command, client command, connections for unary @64)."""
    binary = lambda name: os.path.join(arguments.bin, name)
    mux = arguments.mux_connections
    table = [
        ("raw", "raw OpenSSL (limit)", [arguments.raw, "server"], [arguments.raw, "client"], 64),
        *[(f"grpc-{tuning}", f"grpc-swift-2 --tuning {tuning}",
           [binary("GRPCBenchServer"), "--tuning", tuning], [binary("GRPCBenchClient"), "--tuning", tuning], mux)
          for tuning in GRPC_TUNINGS],
        # ---------------------------------------------------------------------------------------
        # THE "OURS" PEER (KinerjaRPC). The RPC engineer adds the executables RPCBenchServer and
        # RPCBenchClient to Benchmarks/Package.swift, following the peer contract in README.md
        # (same arguments and JSON line as GRPCBenchServer/GRPCBenchClient). run.sh builds them
        # when Package.swift declares them; until then this column reads "not built".
        # ---------------------------------------------------------------------------------------
        ("ours", "ours (KinerjaRPC)", [binary("RPCBenchServer")], [binary("RPCBenchClient")], mux),
        # The same echo behind the service runtime's interceptors (call log, authorisation): the
        # runtime's cost per call as a ratio against "ours" (issue 17, goal ≥ 0.7× @64).
        ("ours-runtime", "ours + service runtime (call log, authorisation)",
         [binary("RPCBenchServer"), "--runtime", "full"], [binary("RPCBenchClient")], mux),
    ]
    if arguments.baseline:
        base = lambda name: os.path.join(arguments.baseline, name)
        table.append(("baseline", f"baseline (KinerjaRPC from {arguments.baseline})",
                      [base("RPCBenchServer")], [base("RPCBenchClient")], mux))
    wanted = set(arguments.peers.split(",")) | ({"baseline"} if arguments.baseline else set())
    if "grpc" in wanted:
        wanted |= {f"grpc-{tuning}" for tuning in GRPC_TUNINGS}
    return [peer for peer in table if peer[0] in wanted]


# grpc-swift-2's tunings (GRPCTuning): "defaults" as shipped; the others switch on NIO's event
# loops as Swift's global executor (E), no flush coalescing (F), or both. Its "best tuning" figure is
# the best of the tuned three per row, since each knob helps some workloads and hurts others.
GRPC_TUNINGS = ["defaults", "executor", "no-coalescing", "best"]
GRPC_TUNED = {"executor": "E", "no-coalescing": "F", "best": "E+F"}

# The three RPC workloads: (key, mode, payload, in flight, uses the peer's @64 connection count).
WORKLOADS = [
    ("unary64", "unary", 128, 64, True),
    ("unary1", "unary", 128, 1, False),
    ("stream", "stream", 1024, 1, False),
]


def wait_for_port(host, port, process, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def memory_kib(pid):
    """VmRSS and VmHWM of a process, in KiB."""
    figures = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    figures[key] = int(value.split()[0])
    except OSError:
        pass
    return figures


class RSSSampler:
    """Samples a server's VmRSS every 100 ms while a client runs; keeps the largest value."""

    def __init__(self, pid):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, memory_kib(self.pid).get("VmRSS", 0))
            self._stop.wait(0.1)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()


def run_client(command, timeout):
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "client timed out"
    lines = [line for line in finished.stdout.splitlines() if line.startswith("{")]
    if finished.returncode != 0 or not lines:
        detail = (finished.stderr.strip().splitlines() or [f"exit {finished.returncode}"])[-1]
        return None, detail[:160]
    try:
        return json.loads(lines[-1]), None
    except json.JSONDecodeError as error:
        return None, f"bad JSON line: {error}"


def median(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def busy_seconds():
    """CPU seconds the whole machine has spent busy (not idle or iowait) since boot."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def process_seconds(pid):
    """CPU seconds (user + system) a live process has used."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class OtherLoad:
    """Cores used by processes other than this peer's server and client during one run: on a
    2-core machine shared with other builds, this says how far to trust the run's figures."""

    def __init__(self, server_pid):
        self.server_pid = server_pid

    def __enter__(self):
        self.start = (time.monotonic(), busy_seconds(), process_seconds(self.server_pid),
                      resource.getrusage(resource.RUSAGE_CHILDREN))
        return self

    def __exit__(self, *_):
        wall, busy, server, children = self.start
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.server_seconds = process_seconds(self.server_pid) - server
        ours = (self.server_seconds
                + child.ru_utime - children.ru_utime + child.ru_stime - children.ru_stime)
        self.cores = max(0.0, (busy_seconds() - busy - ours) / max(time.monotonic() - wall, 1e-3))


def measure_peer(peer, port, arguments, log):
    key, label, server_command, client_command, connections64 = peer
    result = {"label": label, "error": None, "other_cores": []}
    if not os.access(server_command[0], os.X_OK) or not os.access(client_command[0], os.X_OK):
        result["error"] = "not built"
        return result
    common = ["--host", arguments.host, "--port", str(port), "--pki", arguments.pki]
    log_path = os.path.join(HERE, ".build-bench", "logs", f"{key}-server.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    with open(log_path, "w") as server_log:
        server = subprocess.Popen(server_command + common, stdout=server_log, stderr=subprocess.STDOUT)
    try:
        if not wait_for_port(arguments.host, port, server):
            result["error"] = f"server did not listen (see {os.path.relpath(log_path, ROOT)})"
            return result
        for workload, mode, payload, in_flight, uses_peer_connections in WORKLOADS:
            connections = connections64 if uses_peer_connections else 1
            command = client_command + common + [
                "--mode", mode, "--connections", str(connections), "--in-flight", str(in_flight),
                "--duration", str(arguments.duration), "--warmup", str(arguments.warmup),
                "--payload", str(payload)]
            runs = []
            for repeat in range(arguments.repeats):
                with RSSSampler(server.pid) as sampler, OtherLoad(server.pid) as other:
                    figures, error = run_client(command, timeout=arguments.duration + arguments.warmup + 60)
                result["other_cores"].append(round(other.cores, 2))
                if error:
                    result["error"] = f"{workload}: {error}"
                    log(f"  {label}: {workload} run {repeat + 1} failed: {error}")
                    break
                # The server's CPU per call (or message), warm-up included at the measured rate: on
                # a shared machine this moves much less than calls/s does.
                rate = figures.get("calls_per_s") or figures.get("messages_per_s")
                if rate:
                    figures["server_cpu_us"] = other.server_seconds / (rate * (arguments.duration + arguments.warmup)) * 1e6
                runs.append(figures)
                result[f"rss_{workload}_kib"] = max(result.get(f"rss_{workload}_kib", 0), sampler.peak)
                log(f"  {label}: {workload} run {repeat + 1}/{arguments.repeats}: {json.dumps(figures)}")
            result[workload] = {name: median([run.get(name) for run in runs])
                                for name in ("calls_per_s", "p50_us", "p99_us", "messages_per_s", "server_cpu_us")}
            if result["error"]:
                break
        result["vmhwm_kib"] = memory_kib(server.pid).get("VmHWM")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return result


def run_codec(arguments, log):
    binary = os.path.join(arguments.bin, "CodecBenchmark")
    if not os.access(binary, os.X_OK):
        return {}, "CodecBenchmark not built"
    duration, repeats = ("0.5", "1") if arguments.quick else ("2", "3")
    log(f"  codec: {duration} s × {repeats} per message and library")
    finished = subprocess.run([binary, "--json", "--duration", duration, "--repeats", repeats],
                              capture_output=True, text=True)
    if finished.returncode != 0:
        return {}, (finished.stdout + finished.stderr).strip().splitlines()[-1][:160]
    rows = [json.loads(line) for line in finished.stdout.splitlines() if line.startswith("{")]
    return {row["codec"]: row for row in rows}, None


# ------------------------------------------------------------------------------------- the table

def number(value, digits=0):
    if value is None:
        return "—"
    if digits == 0:
        return f"{value:,.0f}".replace(",", " ")
    return f"{value:,.{digits}f}".replace(",", " ")


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}×"


def print_table(results, codec, codec_error, arguments):
    raw = results.get("raw", {})
    defaults = results.get("grpc-defaults", {})
    tuned = {tag: results.get(f"grpc-{tuning}", {}) for tuning, tag in GRPC_TUNED.items()}
    ours = results.get("ours", {})

    def get(result, workload, name):
        return (result.get(workload) or {}).get(name)

    def rss(result, workload):
        kib = result.get(f"rss_{workload}_kib")
        return kib / 1024 if kib else None

    def pick(values, higher):
        """The best (value, tag) of {tag: value}, or (None, "")."""
        present = [(value, tag) for tag, value in values.items() if value is not None]
        if not present:
            return None, ""
        return max(present) if higher else min(present)

    # (label, raw, grpc defaults, {tag: grpc tuned}, ours, higher is better, goal)
    rows = []
    for label, workload, name, higher, goal in [
        ("unary 128 B, calls/s @64 in flight", "unary64", "calls_per_s", True, "≥3× grpc, ≥0.5× limit"),
        ("unary 128 B, calls/s @1 in flight", "unary1", "calls_per_s", True, ""),
        ("unary 128 B, p50 µs @1 in flight", "unary1", "p50_us", False, "≤2× limit"),
        ("unary 128 B, p99 µs @1 in flight", "unary1", "p99_us", False, ""),
        ("unary 128 B, p50 µs @64 in flight", "unary64", "p50_us", False, ""),
        ("stream 1 KiB, messages/s", "stream", "messages_per_s", True, "≥3× grpc"),
    ]:
        rows.append((label, get(raw, workload, name), get(defaults, workload, name),
                     {tag: get(result, workload, name) for tag, result in tuned.items()},
                     get(ours, workload, name), higher, goal))
    for label, workload in [("server RSS MiB, peak in unary @64", "unary64"),
                            ("server RSS MiB, peak in stream", "stream")]:
        rows.append((label, rss(raw, workload), rss(defaults, workload),
                     {tag: rss(result, workload) for tag, result in tuned.items()}, rss(ours, workload),
                     False, "≤40 MiB"))
    for key, label in [("employee", "codec employee, enc+dec/s"), ("skp_10_rhk", "codec SKP 10 RHK, enc+dec/s"),
                       ("report_page_100", "codec 100 reports, enc+dec/s")]:
        row = codec.get(key, {})
        theirs = row.get("swift_protobuf_ops_per_s")
        rows.append((label, None, theirs, {}, row.get("ours_ops_per_s"), True, "≥1.0× swift-protobuf"))

    header = ["workload", "raw limit", "grpc default", "grpc tuned", "ours",
              "ours÷grpc", "ours÷limit", "grpc÷limit", "goal (ours)"]
    lines = []
    for label, r, d, t, o, higher, goal in rows:
        digits = 1 if "µs" in label or "MiB" in label else 0
        best_tuned, tag = pick(t, higher)
        # grpc-swift-2's reference is its better figure over all its tunings (issue 4).
        reference, _ = pick({"": d, "t": best_tuned}, higher)
        tuned_cell = f"{number(best_tuned, digits)} {tag}" if best_tuned is not None else "—"
        lines.append([label, number(r, digits), number(d, digits), tuned_cell, number(o, digits),
                      ratio(o, reference), ratio(o, r), ratio(reference, r), goal])
    widths = [max(len(str(line[i])) for line in [header] + lines) for i in range(len(header))]
    title = (f"Kinerja RPC benchmark — loopback, mutual TLS 1.3, median of {arguments.repeats} × "
             f"{arguments.duration:g} s (warm-up {arguments.warmup:g} s); codec median of "
             f"{'1 × 0.5' if arguments.quick else '3 × 2'} s")
    print()
    print(title)
    print("  ".join(h.ljust(widths[i]) if i in (0, 8) else h.rjust(widths[i]) for i, h in enumerate(header)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(str(c).ljust(widths[i]) if i in (0, 8) else str(c).rjust(widths[i])
                        for i, c in enumerate(line)))
    print()
    print("grpc tuned = grpc-swift-2's best tuned figure per row: E = NIO event loops as Swift's global executor, "
          "F = flushCoalescing nil, E+F = both.")
    print("grpc = the better of default and tuned (the reference of the ratios). Codec: grpc columns = swift-protobuf "
          "1.39.0, ours = KinerjaProto (protobuf-c).")
    print(f"unary @64: raw peer 64 connections × 1 call; grpc and ours {arguments.mux_connections} "
          f"connection(s) × 64 multiplexed calls. µs and MiB rows: lower is better (a ratio < 1 is a win).")
    for key, result in results.items():
        if result.get("error"):
            print(f"note: {result['label']}: {result['error']}")
        elif result.get("vmhwm_kib"):
            print(f"note: {result['label']}: server VmHWM over all its workloads {result['vmhwm_kib'] / 1024:.1f} MiB")
    other = [cores for result in results.values() for cores in result.get("other_cores", [])]
    if other:
        print(f"note: other processes used {statistics.mean(other):.2f} cores on average during the runs "
              f"(at most {max(other):.2f})"
              + (": the machine was shared, so rerun on an idle machine before quoting absolute figures"
                 if max(other) > 0.25 else ""))
    baseline = results.get("baseline")
    if baseline:
        print()
        print(f"baseline = {baseline['label']}, measured in the same run:")
        compare = [["workload", "baseline", "ours", "ours÷baseline", "baseline÷grpc", "baseline÷limit"]]
        for label, r, d, t, o, higher, goal in rows[:8]:
            digits = 1 if "µs" in label or "MiB" in label else 0
            workload, name = {
                "unary 128 B, calls/s @64 in flight": ("unary64", "calls_per_s"),
                "unary 128 B, calls/s @1 in flight": ("unary1", "calls_per_s"),
                "unary 128 B, p50 µs @1 in flight": ("unary1", "p50_us"),
                "unary 128 B, p99 µs @1 in flight": ("unary1", "p99_us"),
                "unary 128 B, p50 µs @64 in flight": ("unary64", "p50_us"),
                "stream 1 KiB, messages/s": ("stream", "messages_per_s"),
            }.get(label, (None, None))
            b = get(baseline, workload, name) if workload else rss(baseline, "unary64" if "unary" in label else "stream")
            reference, _ = pick({"": d, "t": pick(t, higher)[0]}, higher)
            compare.append([label, number(b, digits), number(o, digits), ratio(o, b), ratio(b, reference), ratio(b, r)])
        widths = [max(len(line[i]) for line in compare) for i in range(len(compare[0]))]
        for line in compare:
            print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(line)))
    runtime = results.get("ours-runtime")
    if runtime and ours:
        print()
        print("the service runtime's cost: the echo behind a service's interceptors (call log + authorisation) "
              "against the bare echo, same run:")
        compare = [["workload", "bare echo", "echo + runtime", "runtime÷bare", "goal"]]
        for label, workload, name, digits, goal in [
                ("unary 128 B, calls/s @64 in flight", "unary64", "calls_per_s", 0, "≥ 0.7×"),
                ("unary 128 B, calls/s @1 in flight", "unary1", "calls_per_s", 0, ""),
                ("unary 128 B, p50 µs @1 in flight", "unary1", "p50_us", 1, ""),
                ("unary 128 B, p50 µs @64 in flight", "unary64", "p50_us", 1, ""),
                ("unary 128 B, server CPU µs per call @64 (bare÷runtime)", "unary64", "server_cpu_us", 1, "≥ 0.7×"),
                ("unary 128 B, server CPU µs per call @1 (bare÷runtime)", "unary1", "server_cpu_us", 1, "")]:
            b, o = get(ours, workload, name), get(runtime, workload, name)
            # CPU per call: the runtime's share is bare÷runtime (the calls/s one core would serve).
            compare.append([label, number(b, digits), number(o, digits),
                            ratio(b, o) if name == "server_cpu_us" else ratio(o, b), goal])
        widths = [max(len(line[i]) for line in compare) for i in range(len(compare[0]))]
        for line in compare:
            print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(line)))
    if codec_error:
        print(f"note: codec: {codec_error}")
    for row in codec.values():
        if row.get("ours_ops_per_s") is None:
            print(f"note: codec {row['codec']}: KinerjaProto has no generated Swift for it yet")


def main():
    arguments = parse_arguments()
    log = lambda message: print(message, file=sys.stderr, flush=True)
    results = {}
    for index, peer in enumerate(peers(arguments)):
        port = arguments.base_port + 10 * (index + 1)
        log(f"{peer[1]} on {arguments.host}:{port}")
        results[peer[0]] = measure_peer(peer, port, arguments, log)
    codec, codec_error = ({}, "skipped") if arguments.skip_codec else run_codec(arguments, log)
    print_table(results, codec, codec_error, arguments)
    if arguments.json_out:
        os.makedirs(os.path.dirname(arguments.json_out), exist_ok=True)
        with open(arguments.json_out, "w") as out:
            json.dump({"arguments": vars(arguments), "peers": results, "codec": codec}, out, indent=2)


if __name__ == "__main__":
    main()
