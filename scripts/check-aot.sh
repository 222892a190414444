#!/usr/bin/env bash
# Publishes the Quickstart sample with NativeAOT and fails on any trim/AOT warning (IL2xxx, IL3xxx) or a failed publish:
# the engine must stay reflection-free, so that `prodserver web` starts as fast as the server itself (issue 7).
# Usage: scripts/check-aot.sh [OUTPUT-DIR]
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
log=$(mktemp)
# NativeAOT links with clang when it is there, else with gcc (Debian's build-essential).
linker=()
command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
dotnet publish samples/Quickstart -c Release -r linux-x64 "${linker[@]}" -o "$out" -nologo -clp:NoSummary >"$log" 2>&1
status=$?
warnings=$(grep -Eo 'warning IL[23][0-9]{3}[^[]*' "$log" | sort -u)
if [ "$status" -ne 0 ]; then
  tail -30 "$log" >&2
  echo "AOT publish of samples/Quickstart failed" >&2
  exit 1
fi
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  echo "AOT publish of samples/Quickstart has trim/AOT warnings (above)" >&2
  exit 1
fi
# The program runs as linked (the sample links it without PIE and with its type data not dehydrated; see its project):
# its plan for the sample's process, which builds the host, binds the configuration and validates it.
if ! "$out/quickstart" web --dry-run --json >/dev/null 2>"$log"; then
  cat "$log" >&2
  echo "The NativeAOT samples/Quickstart does not run: quickstart web --dry-run --json failed (above)" >&2
  exit 1
fi
echo "AOT publish of samples/Quickstart: no IL2xxx/IL3xxx warnings ($(du -h "$out/quickstart" | cut -f1) binary), and it runs"
