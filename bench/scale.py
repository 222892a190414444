#!/usr/bin/python3
"""Fifty processes under one launcher: start-all time, the launcher's memory per process, and a restart storm.

Every process is waitress-serve with a three-line WSGI app on a loopback port of its own: the sample's `web` (its
port and app overridden by configuration) and web02..webN declared by environment variables, as a user could add them.
The bare commands are the launcher's own (`--all --dry-run --json`), so both sides run exactly the same servers.

  1. start-all: spawn -> every port answers HTTP 200, the launcher (`--all`) against the same N servers spawned in
     parallel by this script; rounds alternate the order.
  2. memory: RSS of the launcher process alone (not its servers), its threads and open descriptors, with 1, 10 and N
     processes, once all answer; the cost of one more process is the slope.
  3. restart storm: with N running, every server is killed at once (SIGKILL to the launcher's children); prints when
     each answers 200 again, as a histogram, and the restart delays the supervisor chose (its "restarting in" lines).

Usage: bench/scale.py --launcher CMD... [--processes 50] [--rounds 3]
Prints markdown tables on stdout, progress on stderr.
"""
import argparse
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import free_port

APP = '''def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\\n"]
'''


def say(text):
    print(text, file=sys.stderr, flush=True)


def process_env(app_dir, ports):
    """The launcher's configuration for len(ports) waitress processes: `web` from the sample, the rest added."""
    env = {
        "ProdServer__Processes__web__App": "hello:app",
        "ProdServer__Processes__web__WorkingDirectory": app_dir,
        "ProdServer__Processes__web__Args__Port": str(ports[0]),
    }
    for i, port in enumerate(ports[1:], start=2):
        name = f"web{i:02d}"
        env.update({
            f"ProdServer__Processes__{name}__Backend": "Waitress",
            f"ProdServer__Processes__{name}__App": "hello:app",
            f"ProdServer__Processes__{name}__WorkingDirectory": app_dir,
            f"ProdServer__Processes__{name}__Args__Host": "127.0.0.1",
            f"ProdServer__Processes__{name}__Args__Port": str(port),
        })
    return env


def answers_200(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            return s.recv(64).split(b" ", 2)[1:2] == [b"200"]
    except OSError:
        return False


def refuses(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def wait_all(ports, test, since, timeout=180.0):
    """Seconds from `since` until each port passes `test`, polling the ones still pending every 10 ms."""
    pending, when = set(ports), {}
    while pending:
        if time.monotonic() - since > timeout:
            raise TimeoutError(f"{len(pending)} of {len(ports)} ports never passed {test.__name__}: {sorted(pending)[:5]}…")
        for port in list(pending):
            if test(port):
                when[port] = time.monotonic() - since
                pending.discard(port)
        time.sleep(0.01)
    return when


def stop(procs, timeout=60):
    for p in procs:
        p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def launcher_env(app_dir, ports):
    return dict(os.environ, DOTNET_NOLOGO="1", **process_env(app_dir, ports))


def dry_run(args, ports):
    out = subprocess.run(args.launcher + ["--all", "--dry-run", "--json"], env=launcher_env(args.app_dir, ports),
                         capture_output=True, text=True, check=True, cwd=args.app_dir).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def start_bare(args, ports):
    commands = dry_run(args, ports)
    assert len(commands) == len(ports), f"--dry-run listed {len(commands)} processes, not {len(ports)}"
    t0 = time.monotonic()
    # A session each, as the launcher gives its servers (setsid): with the kernel's autogroup scheduling, a session is
    # what shares the CPU fairly with the rest of the machine, and 50 servers in one session would get one share.
    procs = [subprocess.Popen([c["executable"], *c["args"]], cwd=c["workingDirectory"], env=dict(os.environ, **c["env"]),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True) for c in commands]
    try:
        return max(wait_all(ports, answers_200, t0).values())
    finally:
        stop(procs)


def status(pid):
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["Threads"])


def children(pid):
    kids = []
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/children") as f:
            kids += [int(k) for k in f.read().split()]
    return kids


class Launched:
    """The launcher running N processes with --all, its output in a file."""

    def __init__(self, args, ports, log):
        self.ports, self.log = ports, log
        with open(log, "wb") as out:
            self.t0 = time.monotonic()
            self.proc = subprocess.Popen(args.launcher + ["--all"], env=launcher_env(args.app_dir, ports), cwd=args.app_dir,
                                         stdout=out, stderr=subprocess.STDOUT)
        self.ready = max(wait_all(ports, answers_200, self.t0).values())

    def footprint(self):
        """RSS (MB) and threads of the launcher alone, and its open descriptors, 2 s after all answered (timers and
        pools settle), as the largest of samples every 100 ms over that time."""
        samples = []
        for _ in range(20):
            time.sleep(0.1)
            samples.append(status(self.proc.pid))
        return max(s[0] for s in samples), samples[-1][1], len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def storm(self):
        """Kills every server at once; seconds from the kill to each answering 200 again."""
        servers = children(self.proc.pid)
        assert len(servers) >= len(self.ports), f"the launcher has {len(servers)} children, not {len(self.ports)}"
        t0 = time.monotonic()
        for pid in servers:
            os.kill(pid, signal.SIGKILL)
        wait_all(self.ports, refuses, t0)
        return wait_all(self.ports, answers_200, t0)

    def stop(self):
        t0 = time.monotonic()
        stop([self.proc])
        return time.monotonic() - t0


def histogram(seconds, width=0.25):
    """Markdown rows: one per `width` seconds, the count and a bar."""
    low = int(min(seconds) / width)
    rows = []
    for b in range(low, int(max(seconds) / width) + 1):
        n = sum(1 for s in seconds if b * width <= s < (b + 1) * width)
        rows.append(f"| {b * width:.2f}–{(b + 1) * width:.2f} s | {n} | {'█' * n} |")
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", nargs="+", required=True)
    p.add_argument("--processes", type=int, default=50)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    n = args.processes
    with tempfile.TemporaryDirectory() as tmp:
        args.app_dir = tmp
        with open(os.path.join(tmp, "hello.py"), "w") as f:
            f.write(APP)
        ports = []
        while len(ports) < n:  # the kernel may hand out a port just released again
            if (port := free_port()) not in ports:
                ports.append(port)

        # 1. start-all, paired rounds in alternating order; the launcher's footprint and the storm in the last round.
        bare, launched, footprints = [], [], {}
        storm, delays, stop_time = None, [], None
        for r in range(args.rounds):
            for variant in (["bare", "launcher"] if r % 2 == 0 else ["launcher", "bare"]):
                if variant == "bare":
                    bare.append(start_bare(args, ports))
                    continue
                run = Launched(args, ports, os.path.join(tmp, "launcher.log"))
                try:
                    launched.append(run.ready)
                    footprints.setdefault(n, run.footprint())
                    if r == args.rounds - 1:
                        storm = run.storm()
                finally:
                    stop_time = run.stop()
                with open(run.log, errors="replace") as f:
                    delays = [float(m) for m in re.findall(r"restarting in 00:00:(\d+\.\d+)", f.read())]
            say(f"round {r + 1}/{args.rounds}: {n} bare in parallel {bare[-1]:.2f} s, launcher --all {launched[-1]:.2f} s")

        # 2. the launcher's footprint with fewer processes.
        for count in sorted({1, min(10, n)} - {n}):
            run = Launched(args, ports[:count], os.path.join(tmp, "launcher.log"))
            try:
                footprints[count] = run.footprint()
            finally:
                run.stop()
            say(f"footprint with {count}: {footprints[count]}")

    b, l = statistics.median(bare), statistics.median(launched)
    print(f"Start-all: spawn → all {n} waitress processes answer HTTP 200 (a 3-line WSGI app each), {args.rounds} rounds, median (range)")
    print()
    print("| | start-all | vs bare |")
    print("|---|---|---|")
    print(f"| {n} bare `waitress-serve` spawned in parallel | {b:.2f} s ({min(bare):.2f}–{max(bare):.2f}) | 1.00× |")
    print(f"| launcher `--all` | {l:.2f} s ({min(launched):.2f}–{max(launched):.2f}) | {l / b:.2f}× |")
    print()
    counts = sorted(footprints)
    first = footprints[counts[0]]
    print("Launcher process alone (not its servers), 2 s after all answered:")
    print()
    print("| processes | RSS | threads | open descriptors | RSS per process above 1 |")
    print("|---|---|---|---|---|")
    for c in counts:
        rss, threads, fds = footprints[c]
        slope = "—" if c == counts[0] else f"{(rss - first[0]) / (c - counts[0]):.2f} MB"
        print(f"| {c} | {rss:.1f} MB | {threads} | {fds} | {slope} |")
    print()
    if storm:
        back = sorted(storm.values())
        q = statistics.quantiles(back, n=4)
        print(f"Restart storm: all {n} servers SIGKILLed at once; time from the kill until each answers 200 again "
              f"(all {len(back)} came back; first {back[0]:.2f} s, median {statistics.median(back):.2f} s, "
              f"IQR {q[0]:.2f}–{q[2]:.2f} s, last {back[-1]:.2f} s):")
        print()
        print("| back after | processes | |")
        print("|---|---|---|")
        print("\n".join(histogram(back)))
        print()
        if delays:
            print(f"Restart delays the supervisor chose ({len(delays)} \"restarting in\" lines): "
                  f"{min(delays):.2f}–{max(delays):.2f} s, median {statistics.median(delays):.2f} s "
                  "(RestartDelay 1 s ± 25 % jitter).")
    print(f"Stop of the launcher with {n} processes (SIGTERM → exit): {stop_time:.2f} s.")


if __name__ == "__main__":
    main()
