#!/usr/bin/env bash
# What the export subsystem costs a NativeAOT launcher that never exports (issue 12: it moved into the
# ProdServer.Config.Export package). Publishes the Quickstart sample three ways and measures binary size and the
# launcher's own resident memory at ready, side by side (bench/launcher_memory.py):
#   before   - the commit given (default: the last one before the split), where the core package carried export;
#   export   - this checkout, the sample as it is (it references ProdServer.Config.Export and calls AddProdServerExport);
#   core     - this checkout, the sample without the Export reference and that call: what an app that never exports carries.
# Usage: bench/export-cost.sh [ROUNDS] [BEFORE-COMMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
before=${2:-4f387b1}
root=$(pwd)
out=$(mktemp -d)
copy="$root/samples/.bench-core-only"
trap 'rm -rf "$out" "$copy"; git worktree remove --force "$out/before-src" 2>/dev/null || true' EXIT

linker=()
command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=gcc)
publish() { dotnet publish "$1" -c Release -r linux-x64 "${linker[@]}" -o "$2" -v:q -nologo; }

git worktree add --detach "$out/before-src" "$before" >/dev/null
publish "$out/before-src/samples/Quickstart" "$out/before"
publish samples/Quickstart "$out/export"
# The same sample without export, beside the original so that its relative project references still resolve.
rm -rf "$copy" && cp -r samples/Quickstart "$copy" && rm -rf "$copy/bin" "$copy/obj"
sed -i '/src\\Export\\Export.csproj/d' "$copy/Quickstart.csproj"
sed -i '/AddProdServerExport()/d' "$copy/Program.cs"
publish "$copy" "$out/core"

cd bench
/usr/bin/python3 launcher_memory.py --rounds "$rounds" \
  "before the split ($before)=$out/before/quickstart" "with ProdServer.Config.Export=$out/export/quickstart" \
  "core package only=$out/core/quickstart"
