#!/usr/bin/python3
"""Spawn -> first HTTP 200, stop time and memory: bare waitress-serve and gunicorn (2 workers) vs the ProdServer.Config
launcher running the same server (NativeAOT, JIT), with each target of issue 15 met or missed by how much.

Round-robin, so machine noise hits every variant alike. Loopback only; every process is stopped before the next starts.
Usage: bench/startup.py --aot PATH [--aot PATH…] [--jit-dll PATH…] --app-dir DIR [--rounds 15] [--markdown FILE] [--servers waitress,gunicorn]
  several --aot (or --jit-dll): builds compared in the same rounds (rows aot, aot1, …).
  Each launcher runs as a restart does, with the launch plan it kept last time (docs/operations.md#spawn-first), and as a
  first start with none (rows aotcold, jitcold: the last --aot and --jit-dll given).
  --floor-aot PATH, --floor-jit-dll PATH: bench/MinimalLauncher (start the server, forward SIGTERM, wait) in the same
  rounds, as the floor of each runtime: a missed target then says how much of it even that costs, and what the engine adds.
       bench/startup.py --trace [--aot PATH…] [--jit-dll PATH…] --app-dir DIR [--rounds 7]
  --trace: the launchers' own phases (PRODSERVER_TRACE_STARTUP=1), in ms after the harness spawned or stopped them.
       bench/startup.py --rss [--aot PATH] --jit-dll PATH… --app-dir DIR [--rounds 3]: the launchers' own RSS by kind.
"""
import argparse
import atexit
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from benchlib import free_port, gunicorn_process_env

# Issue 15's targets: ready as a ratio to bare, stop as ms above bare, memory as MB above bare (None: no target).
# The minimal launchers (bench/MinimalLauncher) are held to their runtime's targets too: what even a launcher that does
# nothing but start, forward a signal and wait misses is the runtime's own cost, not the engine's.
TARGETS = {"aot": (1.05, 20, 10), "aotcold": (1.05, 20, 10), "jit": (1.3, 20, None), "jitcold": (1.3, 20, None), "flooraot": (1.05, 20, 10), "floorjit": (1.3, 20, None)}

# The launchers run as in a login session: $XDG_RUNTIME_DIR is a private directory in memory, where a framework-dependent
# launcher keeps its last adopted launch plan (docs/operations.md#spawn-first). "jitcold"/"aotcold" get an empty one each time:
# the first start after a change of configuration, environment or build.
RUNTIME_DIR = tempfile.mkdtemp(prefix="prodserver-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
atexit.register(shutil.rmtree, RUNTIME_DIR, True)

# Each variant keeps its port from round to round, as a server restarted with the same configuration does.
PORTS = {}


def port_for(variant):
    return PORTS.setdefault(variant, free_port())


def wait_ready(port, proc, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"exited early with {proc.returncode}: {proc.args}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.002)
    raise TimeoutError("never answered")


def wait_exit(proc, timeout=30.0):
    """Blocks in waitpid until proc has exited, so the exit is seen at once: Popen.wait(timeout) polls with sleeps that
    double up to 50 ms, which added up to 50 ms to a measured stop (more the longer the stop). Killed after timeout."""
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        proc.wait()
    finally:
        timer.cancel()


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


def command(variant, args, port):
    server, mode = variant.split("-")
    env = dict(os.environ, PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE="mysite.settings", DOTNET_NOLOGO="1",
               ProdServer__Processes__web__Args__Port=str(port),
               XDG_RUNTIME_DIR=tempfile.mkdtemp(dir=RUNTIME_DIR) if "cold" in mode else RUNTIME_DIR)
    if server == "gunicorn":
        env.update(gunicorn_process_env(args.app_dir, port))
    if server == "waitress":
        bare = ["/usr/bin/waitress-serve", "--host=127.0.0.1", f"--port={port}", "--threads=4", "--channel-timeout=60",
                "--ident=quickstart", "mysite.wsgi:application"]
    else:
        bare = ["/usr/bin/gunicorn", f"--bind=127.0.0.1:{port}", "--workers=2", "mysite.wsgi:application"]
    if mode == "bare":
        cmd, cwd = bare, args.app_dir
    elif mode == "flooraot":  # the minimal launcher (bench/MinimalLauncher) around the bare command: the runtime's floor
        cmd, cwd = [args.floor_aot] + bare, args.app_dir
    elif mode == "floorjit":
        cmd, cwd = ["dotnet", args.floor_jit_dll] + bare, args.app_dir
    elif mode.startswith("aot"):  # aot or aotcold, or aotN for the N-th --aot given, to compare builds
        launcher = args.aots[int(mode[3:] or 0) if mode != "aotcold" else -1]
        cmd, cwd = [launcher, "web" if server == "waitress" else "gunicorn"], os.path.dirname(launcher)
    else:  # jit or jitcold, or jitN for the N-th --jit-dll given
        # jitcoldN: the N-th --jit-dll on a first start (--cold-each), to compare builds' first starts
        index = mode[7:] if mode.startswith("jitcold") else mode[3:]
        dll = args.jit_dlls[int(index) if index else (-1 if mode == "jitcold" else 0)]
        cmd, cwd = ["dotnet", dll, "web" if server == "waitress" else "gunicorn"], os.path.dirname(dll)
    return cmd, cwd, env


def run_once(variant, args, port):
    cmd, cwd, env = command(variant, args, port)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ready = wait_ready(port, proc) - start
        time.sleep(0.3)  # let start-up work settle before reading memory
        own = rss_kib(proc.pid)
        total = own + sum(rss_kib(c) for c in descendants(proc.pid))
        # The stop of a running launcher, not of one still starting: under the JIT the stop path's warm-up ends 0.3-0.4 s
        # after the first 200 here, and a SIGTERM that lands in it measured the warm-up too (docs/benchmarks.md, ninth
        # round). Every variant waits the same.
        time.sleep(0.7)
        t = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        wait_exit(proc)
        stop = time.monotonic() - t
        return ready, stop, own, total
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


MARK = re.compile(r"^prodserver-startup: (\S+)\s+\S+ ms since process start \(monotonic ([0-9.]+) ms(?:, cpu ([0-9.]+) ms)?\)$")


def cpu_ms(pid):
    """The CPU pid has used so far, every thread, user and system (/proc/PID/stat, in clock ticks: ±10 ms)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (FileNotFoundError, ProcessLookupError):
        return None


def trace_once(variant, args, port):
    """The launcher's phases: start-up marks in ms after the harness spawned it, stop-* marks in ms after SIGTERM."""
    cmd, cwd, env = command(variant, args, port)
    env["PRODSERVER_TRACE_STARTUP"] = "1"
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines, started = [], threading.Event()

    def read_trace():
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            if line.startswith("prodserver-startup: ready"):
                started.set()
        started.set()  # exited: nothing more to wait for

    reader = threading.Thread(target=read_trace, daemon=True)
    reader.start()
    try:
        ready = wait_ready(port, proc) - start
        cpu_at_ready = cpu_ms(proc.pid)
        # The host holds a stop until it has started (EarlyStopSignals): on a busy machine the first 200 can come before
        # that, and a SIGTERM sent then would measure the rest of the start as stop time.
        started.wait(timeout=30)
        time.sleep(0.3)  # as run_once: the stop is measured once start-up work has settled
        signalled = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        wait_exit(proc)
        exited = time.monotonic() - signalled
        reader.join(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    err = "\n".join(lines)
    found = [m for m in map(MARK.match, lines) if m]
    if not found:
        raise RuntimeError(f"no trace from {cmd}: {err[-500:]}")
    phases = {m.group(1): float(m.group(2)) / 1000 - (signalled if m.group(1).startswith("stop-") else start) for m in found}
    phases["first 200"] = ready
    phases["stop-exit (SIGTERM → exit)"] = exited
    # The CPU the launcher had used by each start-up phase: after the spawn it competes with the server's own start.
    cpu = {m.group(1): float(m.group(3)) for m in found if m.group(3) and not m.group(1).startswith("stop-")}
    if cpu_at_ready is not None:
        cpu["first 200"] = cpu_at_ready
    return phases, cpu


def trace(args):
    modes = ["bare"] + [f"aot{i or ''}" for i in range(len(args.aots))] + (["aotcold"] if args.aots else []) + \
        [f"jit{i or ''}" for i in range(len(args.jit_dlls))] + (["jitcold"] if args.jit_dlls else [])
    if args.cold_each:
        modes = ["bare"] + [f"jitcold{i}" for i in range(len(args.jit_dlls))]
    variants = [f"{server}-{mode}" for server in args.servers.split(",") for mode in modes]
    results = {v: [] for v in variants}
    cpus = {v: [] for v in variants}
    for r in range(args.rounds):
        for v in variants:
            if v.endswith("-bare"):
                ready, stop, _, _ = run_once(v, args, port_for(v))
                results[v].append({"first 200": ready, "stop-exit (SIGTERM → exit)": stop})
            else:
                phases, cpu = trace_once(v, args, port_for(v))
                results[v].append(phases)
                cpus[v].append(cpu)
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)
    rows = ["| phase (ms after spawn; stop-*: after SIGTERM; median and range; · the launcher's CPU so far) | " + " | ".join(variants) + " |", "|---" * (len(variants) + 1) + "|"]
    phases = []
    for v in variants:
        for sample in results[v]:
            phases.extend(p for p in sample if p not in phases)
    phases.sort(key=lambda p: (p.startswith("stop-"), statistics.median(s[p] for v in variants for s in results[v] if p in s)))
    for phase in phases:
        cells = []
        for v in variants:
            xs = sorted(s[phase] * 1000 for s in results[v] if phase in s)
            cpu = [c[phase] for c in cpus[v] if phase in c]
            cell = f"{statistics.median(xs):.0f} ({xs[0]:.0f}–{xs[-1]:.0f})" if xs else "—"
            cells.append(cell + (f" · {statistics.median(cpu):.0f}" if cpu else ""))
        rows.append(f"| {phase} | " + " | ".join(cells) + " |")
    print("\n".join(rows))


def is_watchdog(pid):
    """The shell the engine runs beside each server (ProcessGroup): it kills the server's group if the launcher dies."""
    try:
        with open(f"/proc/{pid}/cmdline") as f:
            return f.read().startswith("/bin/sh\0")
    except FileNotFoundError:
        return False


def smaps(pid):
    """The launcher's own resident memory by kind (kB), from /proc/PID/smaps_rollup, and its thread count."""
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    with open(f"/proc/{pid}/status") as f:
        fields["Threads"] = next(int(line.split()[1]) for line in f if line.startswith("Threads:"))
    # Counted in the table's "memory (all processes)", as the launcher's grandchild: not part of the launcher's own RSS.
    fields["Watchdog"] = sum(rss_kib(child) for child in descendants(pid) if is_watchdog(child))
    return fields


def rss(args):
    """Median over rounds of the launcher's own RSS breakdown, once it serves: anonymous (heap, stacks, relocated
    data) vs file-backed (the mapped binary and libraries), threads, and the watchdog shell's RSS beside it."""
    variants = (["waitress-aot"] if args.aot else []) + [f"waitress-jit{i or ''}" for i in range(len(args.jit_dlls))]
    results = {v: [] for v in variants}
    for _ in range(args.rounds):
        for v in variants:
            cmd, cwd, env = command(v, args, port := port_for(v))
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_ready(port, proc)
                time.sleep(0.3)
                results[v].append(smaps(proc.pid))
            finally:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=30)
    keys = ["Rss", "Anonymous", "Private_Dirty", "Private_Clean", "Shared_Clean", "Threads", "Watchdog"]
    print("| launcher's own (median) | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for v in variants:
        cells = [statistics.median(r[k] for r in results[v]) for k in keys]
        print(f"| {v} | " + " | ".join(f"{c / 1024:.1f} MB" if k != "Threads" else f"{c:.0f}" for k, c in zip(keys, cells)) + " |")


# What to do next about a missed target, from what the trace and the floor showed (docs/benchmarks.md, issue 15's rounds).
NEXT_STEPS = {
    ("aot", "ready"): "`main` comes ~8 ms after spawn, the fork ~14 ms and the server's exec ~20 ms (the minimal "
                      "launcher's exec ~9 ms, a bare spawn's ~1.3 ms: perf's sched_process_exec, 10 rounds), since the "
                      "twelfth round maps the type data from the program file instead of rebuilding it; the watchdog's "
                      "shell takes the ~5 ms between the fork and the exec (a watchdog spawned first, beside the server, "
                      "took only 0.9–2 ms of it off and would weaken the group and session, so it stays); after the fork "
                      "the launcher starts its three output threads (the log pump and two pipe readers: ~4 ms of CPU) "
                      "beside the server's start, and each ms of its CPU there costs the server ~0.5 ms on this machine; "
                      "on a first start (nothing cached) the launch is checked with the host's validators after the fork "
                      "(~1 ms since the eighteenth round's plain rules, ~3 before) and, since the fifteenth round, its "
                      "servers then start alone as a cached start's do "
                      "(a test build that started its output threads 250 ms later was no sooner: 1.09× against 1.04×, 13 "
                      "rounds). What is left moves with the run: 1.03–1.12× in the fourteenth round's eight runs, the "
                      "floor 0.93–1.12× in those that measured it",
    ("aot", "memory"): "the launcher's own memory at ready is ~7 MB: ~2.6 MB anonymous (the GC heap, stacks, the "
                       "runtime's own) and ~4 MB of its program file's pages, most of them the type data it read: less "
                       "type data",
    ("aot", "stop"): "the engine's share is the /proc sweep and waiting for the last output (the trace's stop-* phases)",
    ("jit", "ready"): "with a cached plan the server starts alone until it has loaded its app and served its first "
                      "requests, and is started with posix_spawn; what is left is the runtime's start before `main` (~35–45 "
                      "ms; ~39 ms for an empty app) and ~20 ms from `main` to the posix_spawn call in ~20 steps of 0.5–4.5 "
                      "ms (the command line 1.5, the signal handlers 3, the plan-cache directory 3.5, the key 5.5, its "
                      "entry 4, the port check 0.5, the server's setup 3.5, posix_spawn's arguments 1), mostly the first "
                      "call of framework methods (ReadyToRun fixups, type loads; since the fourteenth round ~8 methods are "
                      "JIT-compiled before the fork and none between the fork and the first 200); then the watchdog's "
                      "shell, ~4 ms before the server's exec; next: fewer distinct framework calls before the fork (the "
                      "plan cache's key and entry are the largest)",
    ("jit", "stop"): "since the thirteenth round the stop runs no first-time code, and since the fourteenth the sweep "
                     "reads the children lists below the host (~1 ms, whatever else runs on the machine); from the server's "
                     "exit to `Main`'s return ~6 ms in ~8 hand-offs of 0.5–1 ms (the sweep, the last output, the "
                     "supervisor's and the host's stop, the host's dispose), and the kernel's exit of the process "
                     "(exit_group → reaped) ~7.5 ms against the floor's ~2.9: 797 mappings against 273, 7.9 MB of the "
                     "JIT's double-mapped memory against 1.5, 146 open files against 38 — the 60 assemblies the host "
                     "loads; next: fewer assemblies in the launcher (the host's configuration, logging and validation "
                     "stacks), fewer hand-offs in the stop",
}
NEXT_STEPS[("jitcold", "ready")] = (
    "a first start is checked with the host's validators right after the fork and, when it passes, its servers start "
    "alone as a cached start's do (fifteenth round); since the eighteenth round the backends' rules are plain conditions "
    "instead of FluentValidation validators, so that check takes ~10 ms of CPU (~45-90 before: building the validator's "
    "expression trees); what is left is the path a cached start skips before the fork: reading appsettings*.json and the "
    "environment ~11 ms, the declarations ~5, binding ~6, the plan ~3 (8 traces, idle), so the fork comes ~12 ms after a "
    "cached start's; next: that path without first-time framework code (the reading is the launcher's own JSON reader, "
    "no System.Text.Json; ~4 ms of it is the process's first UTF-8 transcoding, which a cached start pays in its key), or "
    "fewer of the host's assemblies (both starts load the same 21 before the fork); not on a second core: reading there "
    "while the main thread looked for a cached launch took 15 ms instead of 6, both threads waiting on the same first calls "
    "into the framework (twenty-first round)")
NEXT_STEPS[("jitcold", "stop")] = NEXT_STEPS[("jit", "stop")]
for target in ("ready", "memory", "stop"):
    NEXT_STEPS[("aotcold", target)] = NEXT_STEPS[("aot", target)]
NEXT_STEPS_MODES = ("aot", "aotcold", "jit", "jitcold")  # the launchers' rows; the floors' misses are the runtime's, not a step of ours


def verdict(mode, ratio, stop_above, mem_above, floor=None, missed_targets=None, ratio_spread=None):
    """Each target of the mode: met, or missed by how much. With floor (the minimal launcher of the same runtime, measured
    in the same rounds: its ratio, stop and memory above bare), a missed target also says how much of it the runtime itself
    costs and how much the engine adds. With ratio_spread (the quartiles of the rounds' ready ratios), a ready target that
    lies inside them is said to: met or missed in this run, but not by more than the rounds differ."""
    if mode not in TARGETS:
        return "—"
    ready_max, stop_max, mem_max = TARGETS[mode]

    def missed(by, unit, ours, floor_value, fmt, target):
        if missed_targets is not None:
            missed_targets.add((mode, target))
        text = f"missed by {by:{fmt}}{unit}"
        if floor is not None:
            text += f" (a minimal launcher: {floor_value:{fmt}}{unit}; the engine adds {ours - floor_value:+{fmt}}{unit})"
        return text

    within = ratio_spread is not None and ratio_spread[0] <= ready_max <= ratio_spread[1]
    parts = [f"ready ≤ {ready_max}×: " + ("met" if ratio <= ready_max else
                                          missed(ratio - ready_max, "×", ratio, floor and floor[0], ".2f", "ready"))
             + (" (the target lies within the rounds' interquartile range)" if within else ""),
             f"stop ≤ bare + {stop_max} ms: " + ("met" if stop_above <= stop_max else
                                                 missed(stop_above - stop_max, " ms", stop_above, floor and floor[1], ".0f", "stop"))]
    if mem_max is not None:
        parts.append(f"memory ≤ bare + {mem_max} MB: " + ("met" if mem_above <= mem_max else
                                                          missed(mem_above - mem_max, " MB", mem_above, floor and floor[2], ".1f", "memory")))
    return "; ".join(parts)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--aot", action="append", dest="aots", default=[],
                   help="the NativeAOT launcher; the table takes several, to compare builds in the same rounds (aot, aot1, …)")
    p.add_argument("--jit-dll", action="append", dest="jit_dlls", default=[],
                   help="the framework-dependent app; --trace takes several, to compare builds (columns jit, jit1, …)")
    p.add_argument("--floor-aot", help="bench/MinimalLauncher published with NativeAOT: rows 'minimal launcher', the floor")
    p.add_argument("--floor-jit-dll", help="bench/MinimalLauncher published framework-dependent (ReadyToRun), run with dotnet")
    p.add_argument("--app-dir", required=True)
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--servers", default="waitress,gunicorn")
    p.add_argument("--markdown")
    p.add_argument("--trace", action="store_true")
    p.add_argument("--cold-each", action="store_true", help="with --trace: bare and each --jit-dll's first start, side by side")
    p.add_argument("--rss", action="store_true", help="the launchers' own memory by kind (smaps_rollup) and threads")
    args = p.parse_args()
    args.app_dir = os.path.abspath(args.app_dir)
    args.aots = [os.path.abspath(a) for a in args.aots]
    args.aot = args.aots[0] if args.aots else None
    args.jit_dlls = [os.path.abspath(d) for d in args.jit_dlls]
    args.floor_aot = args.floor_aot and os.path.abspath(args.floor_aot)
    args.floor_jit_dll = args.floor_jit_dll and os.path.abspath(args.floor_jit_dll)
    if args.cold_each and not args.trace:
        p.error("--cold-each is for --trace")
    if args.trace or args.rss:
        (trace if args.trace else rss)(args)
        return
    if not args.aot:
        p.error("--aot is needed for the table")
    modes = ["bare"] + [f"aot{i or ''}" for i in range(len(args.aots))] + [f"jit{i or ''}" for i in range(len(args.jit_dlls))] + \
        ["aotcold"] + (["jitcold"] if args.jit_dlls else []) + (["flooraot"] if args.floor_aot else []) + (["floorjit"] if args.floor_jit_dll else [])
    variants = [f"{server}-{mode}" for server in args.servers.split(",") for mode in modes]
    results = {v: [] for v in variants}
    for r in range(args.rounds):
        for v in variants:
            results[v].append(run_once(v, args, port_for(v)))
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr)

    def med(v, i):
        return statistics.median(x[i] for x in results[v])

    def quartiles(xs):
        return xs[len(xs) // 4], xs[(3 * len(xs)) // 4]

    def spread(v, i):
        return quartiles(sorted(x[i] for x in results[v]))

    rows = ["| command | ready (median, IQR) | ready vs bare (each round's ratio: median, IQR) | stop (median, IQR) | memory (all processes) | above bare | targets (issue 15) |",
            "|---|---|---|---|---|---|---|"]
    names = {"waitress-bare": "bare `waitress-serve`", "waitress-aot": "`quickstart web`, NativeAOT",
             "waitress-jit": "`dotnet quickstart.dll web`, JIT", "gunicorn-bare": "bare `gunicorn --workers=2`",
             "waitress-jitcold": "`dotnet quickstart.dll web`, JIT, first start (no plan cached)",
             "waitress-aotcold": "`quickstart web`, NativeAOT, first start (no plan cached)",
             "gunicorn-aotcold": "`quickstart gunicorn`, NativeAOT, first start (no plan cached)",
             "gunicorn-aot": "`quickstart gunicorn`, NativeAOT", "gunicorn-jit": "`dotnet quickstart.dll gunicorn`, JIT",
             "gunicorn-jitcold": "`dotnet quickstart.dll gunicorn`, JIT, first start (no plan cached)",
             "waitress-flooraot": "minimal launcher, NativeAOT (floor)", "waitress-floorjit": "`dotnet minimal-launcher.dll`, JIT (floor)",
             "gunicorn-flooraot": "minimal launcher, NativeAOT (floor)", "gunicorn-floorjit": "`dotnet minimal-launcher.dll`, JIT (floor)"}

    missed = set()

    # Paired by round: each round's launcher against the bare server of the same round, so that the machine's drift during
    # a run (it moves by 10-15 % between runs an hour apart) cancels out of the ratio instead of adding to its noise.
    def paired(v, i, combine):
        bare = v.split("-")[0] + "-bare"
        return sorted(combine(x[i], b[i]) for x, b in zip(results[v], results[bare]))

    # The ready ratio, stop and memory above bare (medians of the rounds), and the quartiles of the rounds' ready ratios.
    def above_bare(v):
        ratios = paired(v, 0, lambda x, b: x / b)
        return (statistics.median(ratios),
                statistics.median(paired(v, 1, lambda x, b: x - b)) * 1000,
                statistics.median(paired(v, 3, lambda x, b: x - b)) / 1024,
                quartiles(ratios))

    for v in variants:
        server, mode = v.split("-")
        name = names.get(v, names.get(v.rstrip("0123456789"), v) + f" ({mode})")
        mode = mode.rstrip("0123456789")
        floor = f"{server}-floor{'aot' if mode.startswith('aot') else 'jit'}"
        floor = above_bare(floor) if mode in NEXT_STEPS_MODES and floor in results else None
        bare = server + "-bare"
        lo, hi = spread(v, 0)
        slo, shi = spread(v, 1)
        ready, stop, mem = med(v, 0), med(v, 1), med(v, 3)
        ratio, stop_above, mem_above, ratio_spread = above_bare(v)
        above = "—" if v == bare else f"{mem_above:+.1f} MB"
        rows.append(f"| {name} | {ready * 1000:.0f} ms ({lo * 1000:.0f}–{hi * 1000:.0f}) | "
                    + ("1.00×" if v == bare else f"{ratio:.2f}× ({ratio_spread[0]:.2f}–{ratio_spread[1]:.2f})") + " | "
                    f"{stop * 1000:.0f} ms ({slo * 1000:.0f}–{shi * 1000:.0f}) | {mem / 1024:.1f} MB | {above} | "
                    f"{verdict(mode, ratio, stop_above, mem_above, floor, missed if mode in NEXT_STEPS_MODES else None, ratio_spread)} |")
    if missed:
        runtimes = {"aot": "NativeAOT", "aotcold": "NativeAOT, first start", "jit": "JIT", "jitcold": "JIT, first start"}
        rows += ["", "Next steps for the missed targets (the floor above says how much of each the runtime itself costs):"]
        rows += [f"- {runtimes[mode]}, {target}: {NEXT_STEPS[(mode, target)]}." for mode, target in sorted(missed)]
    table = "\n".join(rows)
    print(table)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
