#!/usr/bin/env python3
"""The overload benchmark (issue 18, docs/RELIABILITY.md "Overload").

Starts RPCBenchServer as its own process with a CPU cost per call (--work-us, a handler's work) and
the services' limit on calls in flight (--max-in-flight, as `limits.max_calls_in_flight`), measures
its capacity with the closed-loop RPCBenchClient, then offers twice that capacity with the open-loop
OverloadBench (every call with a deadline), then half of it to see it recover. The same run without
the limit is the peer: what a server does that queues every call it is sent.

    Benchmarks/overload.py [--work-us 500] [--limit 64] [--seconds 10] [--no-build]
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRATCH = os.path.join(HERE, ".build-bench")
BIN = os.path.join(SCRATCH, "release")
PKI = os.environ.get("KINERJA_PKI_DIR", os.path.join(ROOT, ".dev", "pki"))


def build():
    for product in ["RPCBenchServer", "RPCBenchClient", "OverloadBench"]:
        print(f"==> swift build -c release --product {product}", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--package-path", HERE, "--scratch-path", SCRATCH,
                        "--product", product], check=True, stdout=sys.stderr)


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) // 1024  # MiB
    return None


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def other_load(pids):
    """Cores used by processes other than `pids` over one second (the machine is shared)."""
    def total():
        with open("/proc/stat") as f:
            parts = [int(x) for x in f.readline().split()[1:]]
        return parts[0] + parts[1] + parts[2] + parts[5] + parts[6]
    def ours():
        return sum(cpu_seconds(p) for p in pids) * os.sysconf("SC_CLK_TCK")
    t0, o0 = total(), ours()
    time.sleep(1)
    return max(0.0, ((total() - t0) - (ours() - o0)) / os.sysconf("SC_CLK_TCK"))


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def scenario(port, work_us, limit, seconds):
    server_cmd = [os.path.join(BIN, "RPCBenchServer"), "--host", "127.0.0.1", "--port", str(port), "--pki", PKI,
                  "--runtime", "full", "--work-us", str(work_us)]
    if limit:
        server_cmd += ["--max-in-flight", str(limit)]
    server = subprocess.Popen(server_cmd, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.5)
        base = ["--host", "127.0.0.1", "--port", str(port), "--pki", PKI, "--payload", "128"]
        load = other_load([server.pid])
        capacity = run_json([os.path.join(BIN, "RPCBenchClient")] + base + ["--mode", "unary", "--connections", "4",
                                                                            "--in-flight", "32", "--duration", str(seconds / 2), "--warmup", "1"])
        cap = capacity["calls_per_s"]
        rss_before = status(server.pid, "VmRSS")
        cpu0 = cpu_seconds(server.pid)
        over = run_json([os.path.join(BIN, "OverloadBench")] + base + ["--rate", str(int(2 * cap)), "--duration", str(seconds),
                                                                        "--deadline-ms", "2000", "--connections", "8"])
        cpu1 = cpu_seconds(server.pid)
        rss_peak = status(server.pid, "VmHWM")
        rss_after = status(server.pid, "VmRSS")
        time.sleep(1)
        recovery = run_json([os.path.join(BIN, "OverloadBench")] + base + ["--rate", str(int(cap / 2)), "--duration", str(max(seconds / 2, 3)),
                                                                            "--deadline-ms", "2000", "--connections", "8"])
        return {"limit": limit, "capacity": cap, "capacity_p99_ms": capacity.get("p99_us", 0) / 1000, "over": over,
                "recovery": recovery, "rss_before": rss_before, "rss_peak": rss_peak, "rss_after": rss_after,
                "server_cores": (cpu1 - cpu0) / seconds, "other_load": load}
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work-us", type=int, default=500)
    parser.add_argument("--limit", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    subprocess.run(["bash", os.path.join(ROOT, "deploy/pki/make-dev-pki.sh"), PKI], check=True, stdout=sys.stderr)
    if not args.no_build:
        build()
    results = [scenario(7561, args.work_us, args.limit, args.seconds), scenario(7562, args.work_us, 0, args.seconds)]
    print(f"\nOverload: echo through the service runtime with {args.work_us} µs of CPU per call, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores")
    print("| server | capacity (calls/s, closed loop) | offered at 2× (calls/s) | answered OK /s | refused RESOURCE_EXHAUSTED | "
          "deadline exceeded (2 s) | OK p50 / p99 ms | refusal p50 / p99 ms | RSS before / peak / after MiB | "
          "then ½× capacity: OK, refused, p99 ms | other load (cores) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        o, rec = r["over"], r["recovery"]
        name = f"limit {r['limit']} in flight" if r["limit"] else "no limit (queues)"
        print(f"| {name} | {r['capacity']:.0f} | {o['offered_per_s']} | {o['ok_per_s']} | {o['refused']} of {o['offered']} | "
              f"{o['deadline']} | {o['ok_p50_ms']} / {o['ok_p99_ms']} | {o['refused_p50_ms']} / {o['refused_p99_ms']} | "
              f"{r['rss_before']} / {r['rss_peak']} / {r['rss_after']} | {rec['ok']} of {rec['offered']}, {rec['refused']}, "
              f"{rec['ok_p99_ms']} | {r['other_load']:.2f} |")
        if o.get("other"):
            print(f"|  other errors: {o['other_errors']} |")
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
