#!/usr/bin/env bash
# Issue 15: what the generator and the analyzers cost per keystroke. Runs bench/GeneratorCost (an in-process harness over
# the project bench/generator-cost.sh builds: N records of ten flags, compiled with the contract sources of src/Config) and
# prints, over ROUNDS rounds (range and median):
#   clean  the generator's time on a fresh compilation next to the compiler's bind + emit of the same project (ms, share),
#          and the generator's tracked steps;
#   edit   after a one-token edit (a flag name in one record; a number in Program.cs), the same driver run again, and our
#          analyzers on the edited file as the IDE runs them (syntax + semantic diagnostics of that file, after the
#          compiler's own diagnostics of the file, so that the analyzers' times are their own).
# PRODSERVER_CONFIG_DLL=path/ProdServer.Config.dll compiles against a built library instead, as a real build does.
# Usage: bench/generator-edit.sh [RECORDS] [ROUNDS] [all|clean|edit|profile]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/GeneratorCost -c Release -nologo -v:q > /dev/null
dotnet bench/GeneratorCost/bin/Release/net10.0/GeneratorCost.dll "$(pwd)" "${1:-200}" "${2:-5}" "${3:-all}"
