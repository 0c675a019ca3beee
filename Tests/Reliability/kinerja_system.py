"""A running Kinerja system started by deploy/dev/run.sh, seen from outside: its services'
processes (kill one with SIGKILL, start it again with the configuration run.sh wrote) and
kinerjactl calls against it (proto3 JSON in and out, one process per call).

Nothing here mocks a service: the processes are the real binaries, the calls go over mutual TLS.
"""
import json
import os
import signal
import subprocess
import time

SERVICES = ["identity", "planning", "reporting", "feedback", "evaluation"]


class System:
    def __init__(self, dev, bin_dir, port_base):
        self.dev = dev
        self.bin = bin_dir
        self.port_base = port_base

    # --- processes -------------------------------------------------------------------------

    def pid(self, name):
        try:
            with open(f"{self.dev}/run/{name}.pid") as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def alive(self, name):
        pid = self.pid(name)
        if pid is None:
            return False
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        # A zombie child of ours still answers kill(0): reap it.
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
            return done == 0
        except ChildProcessError:
            return True

    def kill(self, name, sig=signal.SIGKILL):
        """Sends `sig` to the service and waits until its process is gone."""
        pid = self.pid(name)
        if pid is None:
            return
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
                if done == pid:
                    return
            except ChildProcessError:
                # Not our child (started by run.sh): poll until it is gone.
                if not running(pid):
                    return
            time.sleep(0.02)
        raise RuntimeError(f"kinerja-{name} (pid {pid}) did not exit after signal {sig}")

    def start(self, name, timeout=120, environment=None):
        """Starts the service with the configuration run.sh wrote (and `environment`'s
        KINERJA_SECTION__KEY overrides); returns when it listens."""
        out_path = f"{self.dev}/run/{name}.out"
        with open(out_path, "w"):
            pass
        out = open(out_path, "a")
        log = open(f"{self.dev}/logs/{name}.log", "a")
        process = subprocess.Popen(
            [f"{self.bin}/kinerja-{name}", "serve", "--config", f"{self.dev}/config/{name}.json"],
            stdout=out, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
            env=dict(os.environ, **(environment or {})))
        out.close()
        log.close()
        with open(f"{self.dev}/run/{name}.pid", "w") as f:
            f.write(f"{process.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(out_path) as f:
                if any(line.startswith("listening on") for line in f):
                    return process.pid
            if process.poll() is not None:
                raise RuntimeError(f"kinerja-{name} exited with {process.returncode} while starting; see {self.dev}/logs/{name}.log")
            time.sleep(0.05)
        raise RuntimeError(f"kinerja-{name} did not listen within {timeout} s")

    def stop(self, name):
        """SIGTERM (drain, close the store) and wait."""
        self.kill(name, signal.SIGTERM)

    def operator_command(self, name, *args):
        """Runs an operator subcommand of the service binary (e.g. `audit verify`) on its config."""
        return subprocess.run([f"{self.bin}/kinerja-{name}", *args, "--config", f"{self.dev}/config/{name}.json"],
                              capture_output=True, text=True, timeout=600)

    # --- calls -----------------------------------------------------------------------------

    def ctl_environment(self, session=None, certificate=None):
        env = dict(os.environ)
        env["KINERJACTL_PKI"] = f"{self.dev}/pki"
        env["KINERJACTL_SESSION"] = session or f"{self.dev}/reliability/no-session.json"
        if certificate:
            env["KINERJACTL_CERT"] = certificate
        for offset, name in enumerate(SERVICES, start=1):
            env[f"KINERJACTL_{name.upper()}_ADDRESS"] = f"127.0.0.1:{self.port_base + offset}"
        return env

    def call(self, method, requests, session=None, certificate=None, key=None, timeout=30):
        """One `kinerjactl call`. Returns (status, response or error text): status is "OK" or the
        RPC status name kinerjactl printed (or "CLIENT" when it printed none)."""
        args = [f"{self.bin}/kinerjactl", "call", method, "--timeout", "10"]
        for request in requests:
            args += ["--json", json.dumps(request)]
        if key:
            args += ["--idempotency-key", key]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                                  env=self.ctl_environment(session, certificate))
        except subprocess.TimeoutExpired:
            return "DEADLINE_EXCEEDED", "kinerjactl did not finish"
        except OSError as error:
            # E.g. ETXTBSY while the binary is being rebuilt: the call was not made.
            return "CLIENT", f"kinerjactl could not start: {error}"
        if done.returncode == 0:
            try:
                return "OK", json.loads(done.stdout)
            except ValueError:
                return "CLIENT", "unreadable output: " + done.stdout[:200]
        return status_of(done.stderr), done.stderr.strip()[-400:]

    def login(self, session, nip, password):
        env = self.ctl_environment(session)
        done = subprocess.run([f"{self.bin}/kinerjactl", "login", "--nip", nip, "--password-stdin"],
                              input=password + "\n", capture_output=True, text=True, timeout=60, env=env)
        return done.returncode == 0, done.stderr.strip()


def running(pid):
    """True while `pid` exists and is not a zombie (a zombie whose parent does not reap it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def status_of(stderr):
    """The status name of kinerjactl's `error: STATUS: message` line."""
    for line in stderr.splitlines():
        if line.startswith("error: "):
            word = line[len("error: "):].split(":", 1)[0].strip()
            if word.isupper() and word.replace("_", "").isalpha():
                return word
            return "CLIENT"
    return "CLIENT"
