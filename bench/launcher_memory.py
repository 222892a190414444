#!/usr/bin/python3
"""The NativeAOT launcher's own size and resident memory, for several builds of the same sample side by side.

Each build runs `LAUNCHER web` (waitress) until its first HTTP 200, settles, and reads the launcher's own VmRSS and its
/proc/PID/smaps by mapping: the program file's pages (code, .rodata), the program's own data (relocated data, .bss and
.hydrated, NativeAOT's type data built at start), the rest of the anonymous memory (GC heap, malloc, thread stacks) and
the shared libraries; its threads; and the watchdog shell the engine runs beside each server. The builds take turns,
round after round, so noise hits all alike.
Usage: bench/launcher_memory.py [--rounds 7] [--settle 0.3] LABEL=PATH[,VAR=VALUE...] [LABEL=PATH ...]
  VAR=VALUE: environment for that build's runs (DOTNET_GCgen0size=100000, …), to compare settings of one build.
"""
import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import time

from benchlib import free_port
from startup import descendants, is_watchdog, rss_kib, wait_ready

HEADER = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$")
KINDS = ["program file", "program data", "other anonymous", "libraries"]


def by_kind(pid, program):
    """Resident kB of the launcher by kind of mapping. Pages of the program's mappings that were written (relocated
    data) are program data, like the anonymous mapping right after its last one: its .bss and .hydrated (NativeAOT's
    type data)."""
    mappings = []  # [start, end, name, Rss, Anonymous]
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if m := HEADER.match(line):
                mappings.append([int(m.group(1), 16), int(m.group(2), 16), m.group(4), 0, 0])
            elif line.startswith("Rss:"):
                mappings[-1][3] = int(line.split()[1])
            elif line.startswith("Anonymous:"):
                mappings[-1][4] = int(line.split()[1])
    kinds = dict.fromkeys(KINDS, 0)
    previous = None
    for start, end, name, rss, anonymous in mappings:
        if name == program or (name == "" and previous is not None and previous[2] == program and previous[1] == start):
            kinds["program file"] += rss - anonymous
            kinds["program data"] += anonymous
        elif name.startswith("/"):
            kinds["libraries"] += rss
        else:
            kinds["other anonymous"] += rss
        previous = (start, end, name)
    return kinds


def measure(path, environment, settle):
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1", DOTNET_NOLOGO="1", ProdServer__Processes__web__Args__Port=str(port), **environment)
    proc = subprocess.Popen([path, "web"], cwd=os.path.dirname(path), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port, proc)
        time.sleep(settle)  # let start-up work settle before reading memory
        sample = by_kind(proc.pid, os.path.realpath(path))
        sample["RSS"] = rss_kib(proc.pid)
        sample["threads"] = len(os.listdir(f"/proc/{proc.pid}/task"))
        sample["watchdog"] = sum(rss_kib(pid) for pid in descendants(proc.pid) if is_watchdog(pid))
        return sample
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
    p.add_argument("--settle", type=float, default=0.3, help="seconds after the first 200 before reading memory")
    p.add_argument("builds", nargs="+", help="LABEL=PATH[,VAR=VALUE...] of a NativeAOT launcher")
    args = p.parse_args()
    builds = []
    for spec in args.builds:
        label, rest = spec.split("=", 1)
        path, *settings = rest.split(",")
        builds.append((label, os.path.abspath(path), dict(s.split("=", 1) for s in settings)))
    results = {label: [] for label, _, _ in builds}
    for r in range(args.rounds):
        for label, path, environment in builds:
            results[label].append(measure(path, environment, args.settle))
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
    columns = ["RSS"] + KINDS
    print("| launcher build | binary | " + " | ".join(("launcher RSS at ready (median)" if c == "RSS" else c) for c in columns)
          + " | threads | watchdog shell RSS |")
    print("|---" * (len(columns) + 4) + "|")
    for label, path, _ in builds:
        cells = [f"{statistics.median(x[c] for x in results[label]) / 1024:.1f} MB" for c in columns]
        threads = statistics.median(x["threads"] for x in results[label])
        watchdog = statistics.median(x["watchdog"] for x in results[label]) / 1024
        size = os.path.getsize(path) / 1024 / 1024
        print(f"| {label} | {size:.1f} MB | " + " | ".join(cells) + f" | {threads:.0f} | {watchdog:.1f} MB |")


if __name__ == "__main__":
    main()
