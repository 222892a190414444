#!/usr/bin/python3
"""Does the launcher's log pump slow a busy server? gunicorn (2 workers) writes an access-log line per request to
stdout while wrk loads the Quickstart page over loopback: bare with stdout sent to /dev/null, against the launcher
pumping every line into its logger (console, sent to /dev/null). Rounds alternate; prints requests/s and the ratio.
Usage: bench/log_under_load.py --launcher CMD... --app-dir DIR [--rounds 3] [--seconds 10]
"""
import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

from benchlib import free_port, gunicorn_process_env


def wait_ready(port, timeout=60.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).status == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError("the server never answered")


def load(port, seconds):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))


def run(variant, args, port):
    env = dict(os.environ, PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE="mysite.settings", DOTNET_NOLOGO="1")
    if variant == "bare":
        cmd = ["/usr/bin/gunicorn", f"--bind=127.0.0.1:{port}", "--workers=2", "--access-logfile=-", "mysite.wsgi:application"]
        cwd = args.app_dir
    else:
        env.update(gunicorn_process_env(args.app_dir, port, access_log=True))
        cmd, cwd = args.launcher + ["gunicorn"], None
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(port)
        return load(port, args.seconds)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", nargs="+", required=True)
    p.add_argument("--app-dir", required=True)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=int, default=10)
    args = p.parse_args()
    args.app_dir = os.path.abspath(args.app_dir)
    results = {"bare": [], "launcher": []}
    for r in range(args.rounds):
        for v in results:
            results[v].append(run(v, args, free_port()))
        print(f"round {r + 1}/{args.rounds}: " + ", ".join(f"{v} {results[v][-1]:.0f} req/s" for v in results), file=sys.stderr)
    bare, launched = statistics.median(results["bare"]), statistics.median(results["launcher"])
    print("| gunicorn, 2 workers, access log to stdout, `wrk -t2 -c16` | requests/s (median) | vs bare |")
    print("|---|---|---|")
    print(f"| bare, stdout to /dev/null | {bare:.0f} | 1.00× |")
    print(f"| through the launcher's log pump | {launched:.0f} | {launched / bare:.2f}× |")


if __name__ == "__main__":
    main()
