#!/usr/bin/env bash
# One command to rerun the start-up benchmark: builds the Quickstart launcher twice (NativeAOT and framework-dependent),
# then measures spawn -> first HTTP 200, stop time and memory against bare waitress-serve, round-robin, on loopback.
# Writes the table to docs/benchmarks.md. Usage: bench/run.sh [ROUNDS] [BUILD_DIR]
# BUILD_DIR keeps the two launchers (BUILD_DIR/aot, BUILD_DIR/jit); when it already holds them they are measured as they
# are, without publishing again (to rerun the measurement alone).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
if [ -n "${2:-}" ]; then
  out=$2
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

scripts/setup-python.sh
# NativeAOT links with clang when it is there, else with gcc (Debian's build-essential).
linker=()
command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
if [ ! -x "$out/aot/quickstart" ] || [ ! -f "$out/jit/quickstart.dll" ]; then
  dotnet publish samples/Quickstart -c Release -r linux-x64 "${linker[@]}" -o "$out/aot" -v:q -nologo
  # Framework-dependent, still run as `dotnet quickstart.dll`; the runtime identifier turns on ReadyToRun (see the csproj).
  dotnet publish samples/Quickstart -c Release -p:PublishAot=false -r linux-x64 --self-contained false -o "$out/jit" -v:q -nologo
fi
if [ ! -x "$out/floor-aot/minimal-launcher" ] || [ ! -f "$out/floor-jit/minimal-launcher.dll" ]; then
  # The floor: a launcher that only starts the server, forwards SIGTERM/SIGINT and waits (bench/MinimalLauncher), built
  # the same two ways; what it misses of a target is the runtime's own cost, what the Quickstart adds is the engine's.
  dotnet publish bench/MinimalLauncher -c Release -r linux-x64 -p:PublishAot=true "${linker[@]}" -o "$out/floor-aot" -v:q -nologo
  dotnet publish bench/MinimalLauncher -c Release -r linux-x64 --self-contained false -o "$out/floor-jit" -v:q -nologo
fi

bench_args=(--aot "$out/aot/quickstart" --jit-dll "$out/jit/quickstart.dll" --app-dir "$out/aot/app")
floor_args=(--floor-aot "$out/floor-aot/minimal-launcher" --floor-jit-dll "$out/floor-jit/minimal-launcher.dll")
table=$(/usr/bin/python3 bench/startup.py "${bench_args[@]}" "${floor_args[@]}" --rounds "$rounds")
# Where the launchers' time goes (PRODSERVER_TRACE_STARTUP=1), and their own memory by kind.
trace=$(/usr/bin/python3 bench/startup.py "${bench_args[@]}" --trace --rounds "$(( (rounds + 1) / 2 ))")
memory=$(/usr/bin/python3 bench/startup.py "${bench_args[@]}" --rss --rounds 3)
section=$(
  echo "Spawn → first HTTP 200 of the Quickstart Django page, stop time (SIGTERM → exit) and memory (RSS of the launcher"
  echo "and its children), bare server against the launcher running the same server, $rounds rounds round-robin. The"
  echo "ratios and the differences above bare pair each round's launcher with that round's bare server (their median)."
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version) SDK; $(/usr/bin/python3 --version);" \
       "waitress $(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("waitress"))');" \
       "gunicorn $(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("gunicorn"))'); $(date -u +%Y-%m-%d)."
  echo
  echo "$table"
  echo
  echo "Where the time goes: each launcher phase as it was reached, in ms after the harness spawned the launcher (stop-*:"
  echo "after it sent SIGTERM), from the launcher's own trace (PRODSERVER_TRACE_STARTUP=1, the same CLOCK_MONOTONIC)."
  echo
  echo "$trace"
  echo
  echo "The launcher's own memory once it serves (/proc/PID/smaps_rollup; Shared_Clean is mostly the runtime and"
  echo "framework images, shared with any other .NET process):"
  echo
  echo "$memory"
)
# Only the generated section is replaced; the analysis around it in docs/benchmarks.md stays.
/usr/bin/python3 - "$section" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
begin, end = "<!-- startup:begin -->", "<!-- startup:end -->"
block = f"{begin}\n{sys.argv[1]}\n{end}"
text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S) if begin in text else text + "\n" + block + "\n"
open(path, "w").write(text)
PY
echo "$table"
