#!/usr/bin/python3
"""How much CPU work beside a starting server delays it on this machine: bare waitress-serve to its first HTTP 200,
alone and with a second process keeping one core busy for N ms from the same moment (a Python busy loop; its own start
adds ~20 ms of CPU), round-robin. It stands in for what a launcher does after the fork (building its host) and tells
how much of a launcher's ready ratio above the minimal launcher's is that work competing with the server and the
harness's poll for the cores, rather than a later fork (docs/benchmarks.md, issue 15's fifth round).
Usage: bench/contention.py --app-dir DIR [--rounds 9] [--busy-ms 0,40,240]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from types import SimpleNamespace

import startup


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--app-dir", required=True)
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--busy-ms", default="0,40,240")
    a = p.parse_args()
    args = SimpleNamespace(app_dir=os.path.abspath(a.app_dir), aots=[], jit_dlls=[])
    busy = [int(x) for x in a.busy_ms.split(",")]
    results = {b: [] for b in busy}
    port = startup.port_for("waitress-bare")
    for r in range(a.rounds):
        for b in busy:
            cmd, cwd, env = startup.command("waitress-bare", args, port)
            start = time.monotonic()
            server = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            loop = f"import time\nend = time.monotonic() + {b} / 1000\nwhile time.monotonic() < end:\n    pass\n"
            burner = subprocess.Popen([sys.executable, "-c", loop]) if b else None
            try:
                results[b].append(startup.wait_ready(port, server) - start)
            finally:
                server.send_signal(15)
                startup.wait_exit(server)
                if burner:
                    burner.wait()
        print(f"round {r + 1}/{a.rounds}", file=sys.stderr)
    base = statistics.median(results[busy[0]])
    print(f"| beside bare `waitress-serve` ({a.rounds} rounds) | first 200 (median, IQR) | vs alone |")
    print("|---|---|---|")
    for b in busy:
        xs = sorted(results[b])
        m = statistics.median(xs)
        what = "nothing" if b == 0 else f"one core busy for {b} ms"
        print(f"| {what} | {m * 1000:.0f} ms ({xs[len(xs) // 4] * 1000:.0f}–{xs[(3 * len(xs)) // 4] * 1000:.0f}) | {m / base:.2f}× |")


if __name__ == "__main__":
    main()
