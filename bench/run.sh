#!/usr/bin/env bash
# One command to rerun the start-up benchmark: builds the Quickstart launcher twice (NativeAOT and framework-dependent),
# then measures spawn -> first HTTP 200, stop time and memory against bare waitress-serve, round-robin, on loopback.
# Writes the table to docs/benchmarks.md. Usage: bench/run.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

scripts/setup-python.sh
# NativeAOT links with clang when it is there, else with gcc (Debian's build-essential).
linker=()
command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
dotnet publish samples/Quickstart -c Release -r linux-x64 "${linker[@]}" -o "$out/aot" -v:q -nologo
dotnet publish samples/Quickstart -c Release -p:PublishAot=false -o "$out/jit" -v:q -nologo

table=$(/usr/bin/python3 bench/startup.py --aot "$out/aot/quickstart" --jit-dll "$out/jit/quickstart.dll" \
  --app-dir "$out/aot/app" --rounds "$rounds")
section=$(
  echo "Spawn → first HTTP 200 of the Quickstart Django page, stop time (SIGTERM → exit) and memory (RSS of the launcher"
  echo "and its children), bare server against the launcher running the same server, $rounds rounds round-robin."
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version) SDK; $(/usr/bin/python3 --version);" \
       "waitress $(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("waitress"))');" \
       "gunicorn $(/usr/bin/python3 -c 'import importlib.metadata as m; print(m.version("gunicorn"))'); $(date -u +%Y-%m-%d)."
  echo
  echo "$table"
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
