#!/usr/bin/python3
"""Spawn -> first HTTP 200, stop time and memory: bare waitress-serve and gunicorn (2 workers) vs the ProdServer.Config
launcher running the same server (NativeAOT, JIT).

Round-robin, so machine noise hits every variant alike. Loopback only; every process is stopped before the next starts.
Usage: bench/startup.py --aot PATH --jit-dll PATH --app-dir DIR [--rounds 15] [--markdown FILE]
"""
import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time

from benchlib import free_port, gunicorn_process_env


def wait_ready(port, proc, timeout=60.0):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exited early with {proc.returncode}: {proc.args}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.002)
    raise TimeoutError("never answered")


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except FileNotFoundError:
        return []


def descendants(pid):
    """Every process below pid: a gunicorn master's workers are the launcher's grandchildren."""
    found = []
    for child in children(pid):
        found.append(child)
        found.extend(descendants(child))
    return found


def run_once(variant, args, port):
    server, mode = variant.split("-")
    env = dict(os.environ, PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE="mysite.settings", DOTNET_NOLOGO="1",
               ProdServer__Processes__web__Args__Port=str(port))
    if server == "gunicorn":
        env.update(gunicorn_process_env(args.app_dir, port))
    if mode == "bare" and server == "waitress":
        cmd = ["/usr/bin/waitress-serve", "--host=127.0.0.1", f"--port={port}", "--threads=4", "--channel-timeout=60",
               "--ident=quickstart", "mysite.wsgi:application"]
        cwd = args.app_dir
    elif mode == "bare":
        cmd, cwd = ["/usr/bin/gunicorn", f"--bind=127.0.0.1:{port}", "--workers=2", "mysite.wsgi:application"], args.app_dir
    elif mode == "aot":
        cmd, cwd = [args.aot, "web" if server == "waitress" else "gunicorn"], os.path.dirname(args.aot)
    else:
        cmd, cwd = ["dotnet", args.jit_dll, "web" if server == "waitress" else "gunicorn"], os.path.dirname(args.jit_dll)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready = wait_ready(port, proc) - start
        time.sleep(0.3)  # let start-up work settle before reading memory
        own = rss_kib(proc.pid)
        total = own + sum(rss_kib(c) for c in descendants(proc.pid))
        t = time.perf_counter()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        stop = time.perf_counter() - t
        return ready, stop, own, total
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--aot", required=True)
    p.add_argument("--jit-dll", required=True)
    p.add_argument("--app-dir", required=True)
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--markdown")
    args = p.parse_args()
    args.aot, args.jit_dll, args.app_dir = map(os.path.abspath, (args.aot, args.jit_dll, args.app_dir))
    variants = [f"{server}-{mode}" for server in ("waitress", "gunicorn") for mode in ("bare", "aot", "jit")]
    results = {v: [] for v in variants}
    for r in range(args.rounds):
        for v in variants:
            results[v].append(run_once(v, args, free_port()))
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)

    def med(v, i):
        return statistics.median(x[i] for x in results[v])

    def spread(v, i):
        xs = sorted(x[i] for x in results[v])
        return xs[len(xs) // 4], xs[(3 * len(xs)) // 4]

    rows = ["| command | ready (median, IQR) | ready vs bare | stop | memory (all processes) | above bare |",
            "|---|---|---|---|---|---|"]
    names = {"waitress-bare": "bare `waitress-serve`", "waitress-aot": "`quickstart web`, NativeAOT",
             "waitress-jit": "`dotnet quickstart.dll web`, JIT", "gunicorn-bare": "bare `gunicorn --workers=2`",
             "gunicorn-aot": "`quickstart gunicorn`, NativeAOT", "gunicorn-jit": "`dotnet quickstart.dll gunicorn`, JIT"}
    for v in variants:
        bare = v.split("-")[0] + "-bare"
        bare_ready, bare_mem = med(bare, 0), med(bare, 3)
        lo, hi = spread(v, 0)
        ready, stop, mem = med(v, 0), med(v, 1), med(v, 3)
        above = "—" if v == bare else f"+{(mem - bare_mem) / 1024:.1f} MB"
        rows.append(f"| {names[v]} | {ready * 1000:.0f} ms ({lo * 1000:.0f}–{hi * 1000:.0f}) | {ready / bare_ready:.2f}× | "
                    f"{stop * 1000:.0f} ms | {mem / 1024:.1f} MB | {above} |")
    table = "\n".join(rows)
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
