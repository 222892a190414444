#!/usr/bin/python3
"""The NativeAOT launcher's own size and resident memory, for several builds of the same sample side by side.

Each build runs `LAUNCHER web` (waitress) until its first HTTP 200, settles, and reads the launcher's own VmRSS and its
/proc/PID/smaps_rollup (anonymous vs file-backed); the builds take turns, round after round, so noise hits all alike.
Usage: bench/launcher_memory.py [--rounds 7] LABEL=PATH [LABEL=PATH ...]
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import time

from benchlib import free_port
from startup import rss_kib, wait_ready


def rollup_kib(pid):
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    return fields


def measure(path):
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1", DOTNET_NOLOGO="1", ProdServer__Processes__web__Args__Port=str(port))
    proc = subprocess.Popen([path, "web"], cwd=os.path.dirname(path), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, proc)
        time.sleep(0.3)  # let start-up work settle before reading memory
        rollup = rollup_kib(proc.pid)
        return rss_kib(proc.pid), rollup.get("Anonymous", 0), rollup.get("Rss", 0) - rollup.get("Anonymous", 0)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("builds", nargs="+", help="LABEL=PATH of a NativeAOT launcher")
    args = p.parse_args()
    builds = [b.split("=", 1) for b in args.builds]
    results = {label: [] for label, _ in builds}
    for r in range(args.rounds):
        for label, path in builds:
            results[label].append(measure(os.path.abspath(path)))
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
    print("| launcher build | binary | launcher RSS at ready (median) | anonymous | file-backed |")
    print("|---|---|---|---|---|")
    for label, path in builds:
        rss, anon, mapped = (statistics.median(x[i] for x in results[label]) / 1024 for i in range(3))
        size = os.path.getsize(path) / 1024 / 1024
        print(f"| {label} | {size:.1f} MB | {rss:.1f} MB | {anon:.1f} MB | {mapped:.1f} MB |")


if __name__ == "__main__":
    main()
