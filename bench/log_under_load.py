#!/usr/bin/python3
"""Does the launcher's log pump slow a busy server? gunicorn (2 workers) writes an access-log line per request to
stdout while wrk loads the Quickstart page over loopback: bare, against the launcher pumping every line into its logger
(console). Both write to a file in a temporary directory, so the lines can be counted afterwards: the launcher must
log at least as many access lines as wrk completed requests (nothing lost).

Rounds are paired (bare and launcher back to back, the order alternating round by round, so a drifting machine hits
both alike); each round gives one ratio launcher/bare. Prints the median ratio with its IQR and a distribution-free
95 % confidence interval of the median, against the issue's target (>= 0.97x), and the launcher's own CPU per
access-log line (from /proc/PID/task/*/stat: the launcher process only, by thread, not the server it runs).
Usage: bench/log_under_load.py --launcher CMD... --app-dir DIR [--rounds 10] [--seconds 8] [--warmup 2]
"""
import argparse
import collections
import math
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from benchlib import free_port, gunicorn_process_env

TARGET = 0.97
TICKS = os.sysconf("SC_CLK_TCK")


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
    """Requests/s and the number of requests wrk completed."""
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", f"http://127.0.0.1:{port}/"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return rps, requests


def cpu_seconds(stat_path):
    """The name and CPU seconds (user + system) in a /proc stat file."""
    with open(stat_path) as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return stat[stat.index("(") + 1:stat.rindex(")")], (int(fields[11]) + int(fields[12])) / TICKS


def thread_cpu(pid):
    """CPU seconds of the process pid (all its threads, also those that ended; not its children), and of each live
    thread summed by thread name."""
    by_name = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name, seconds = cpu_seconds(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue  # the thread ended
        by_name[name] += seconds
    return cpu_seconds(f"/proc/{pid}/stat")[1], by_name


def access_lines(path):
    with open(path, "rb") as f:
        return sum(1 for line in f if b'"GET / HTTP/1.1" 200' in line)


def run(variant, args, port, log):
    """One server under load: requests/s, requests completed, access lines logged, launcher CPU by thread."""
    env = dict(os.environ, PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE="mysite.settings", DOTNET_NOLOGO="1")
    if variant == "bare":
        cmd = ["/usr/bin/gunicorn", f"--bind=127.0.0.1:{port}", "--workers=2", "--access-logfile=-", "mysite.wsgi:application"]
        cwd = args.app_dir
    else:
        env.update(gunicorn_process_env(args.app_dir, port, access_log=True))
        cmd, cwd = args.launcher + ["gunicorn"], None
    with open(log, "wb") as out:
        # Bare gunicorn in a session of its own, as the launcher starts it (setsid): with the kernel's autogroup
        # scheduling a session is what shares the CPU with the rest of the machine.
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=variant == "bare")
    try:
        wait_ready(port)
        _, warm_requests = load(port, args.warmup)  # JIT tiering and the server's own warm-up stay out of the measurement
        total_before, threads_before = thread_cpu(proc.pid)
        rps, requests = load(port, args.seconds)
        total, threads = thread_cpu(proc.pid)
        total -= total_before
        threads.subtract(threads_before)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    # Every completed request is logged (gunicorn logs it once the response is sent): the readiness probe's, the
    # warm-up's and the measured ones; the measured lines are what is left after the first two.
    return rps, requests, access_lines(log) - 1 - warm_requests, total, threads


def median_interval(values, confidence=0.95):
    """A distribution-free interval for the median: order statistics k and n-k+1 of the sorted values (binomial)."""
    xs, n = sorted(values), len(values)
    k = 0
    while k + 1 <= n // 2 and 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n <= 1 - confidence:
        k += 1
    if k == 0:
        return None  # too few rounds for this confidence
    return xs[k - 1], xs[n - k]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--launcher", nargs="+", required=True)
    p.add_argument("--app-dir", required=True)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--seconds", type=int, default=8)
    p.add_argument("--warmup", type=int, default=2, help="seconds of load before each measurement")
    args = p.parse_args()
    args.app_dir = os.path.abspath(args.app_dir)
    rps = {"bare": [], "launcher": []}
    ratios, per_line, threads, lost = [], [], collections.Counter(), 0
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            order = ["bare", "launcher"] if r % 2 == 0 else ["launcher", "bare"]
            for v in order:
                rate, requests, logged, cpu, by_thread = run(v, args, free_port(), os.path.join(tmp, v + ".log"))
                rps[v].append(rate)
                if v == "launcher":
                    lost += max(requests - logged, 0)
                    per_line.append(cpu / max(logged, 1) * 1e6)
                    threads.update({name: seconds / max(logged, 1) * 1e6 / args.rounds for name, seconds in by_thread.items()})
            ratios.append(rps["launcher"][-1] / rps["bare"][-1])
            print(f"round {r + 1}/{args.rounds}: bare {rps['bare'][-1]:.0f} req/s, launcher {rps['launcher'][-1]:.0f} req/s "
                  f"({ratios[-1]:.2f}x), launcher CPU {per_line[-1]:.1f} us/line", file=sys.stderr)

    q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    ci = median_interval(ratios)
    median = statistics.median(ratios)
    print(f"| gunicorn, 2 workers, access log to stdout, `wrk -t2 -c16 -d{args.seconds}s`, {args.rounds} paired rounds "
          "| requests/s (median) | launcher CPU per line (median) |")
    print("|---|---|---|")
    print(f"| bare, stdout to a file | {statistics.median(rps['bare']):.0f} | — |")
    print(f"| through the launcher's log pump and console logger, to a file | {statistics.median(rps['launcher']):.0f} "
          f"| {statistics.median(per_line):.1f} µs |")
    print()
    interval = f"95 % CI of the median {ci[0]:.2f}–{ci[1]:.2f}" if ci else "too few rounds for a 95 % CI"
    verdict = (f"met (+{median - TARGET:.2f})" if median >= TARGET else f"missed by {TARGET - median:.2f}")
    print(f"Ratio launcher/bare per round: median **{median:.2f}×** (IQR {q[0]:.2f}–{q[2]:.2f}, {interval}, "
          f"range {min(ratios):.2f}–{max(ratios):.2f}); target ≥ {TARGET}×: {verdict}"
          + ("" if not ci or not ci[0] < TARGET <= ci[1] else " — the interval straddles the target") + ".")
    print(f"Access lines lost by the launcher (wrk's completed requests not in its log): {lost}.")
    print("Launcher CPU per line by thread (mean over rounds): "
          + ", ".join(f"{name} {us:.1f} µs" for name, us in threads.most_common() if us >= 0.05) + ".")


if __name__ == "__main__":
    main()
