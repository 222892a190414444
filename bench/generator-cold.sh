#!/usr/bin/env bash
# Issue 15: where the generator's time in a real build goes. bench/generator-cost.sh builds the cost project once (kept in
# WORK), its Csc command line becomes WORK/csc.rsp and our generator's output WORK/gen/; then bench/GeneratorCold reruns
# that compilation in fresh processes, ROUNDS times each of (alternated):
#   all           every generator, as the build runs them: ours, the SDK's, bind + emit;
#   pregen        the same without our generator, its output parsed and added as sources: all minus pregen is what our
#                 generator adds to a build;
#   all-eager     as all, but bind + emit the compilation pregen builds (is a slower bind + emit after our generator due
#                 to the trees the driver adds, or to the process after it?);
#   sdkfirst      the SDK's generators, then ours alone, with the JIT's own clock around ours;
#   sdkfirst+decl the same after the compilation's declaration diagnostics (the compiler's first semantic pass, which it
#                 runs in every build): what is left is the generator's own work.
# The build runs csc without the compiler server (UseSharedCompilation=false here), so every compilation starts cold.
# BASELINE_GENERATOR=path/ProdServer.Config.Generators.dll runs every mode also with that build of the generator, alternated.
# Usage: bench/generator-cold.sh [ROUNDS] [RECORDS] [WORK]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
records=${2:-200}
work=$(realpath -m "${3:-${TMPDIR:-/tmp}/prodserver-generator-cold}")
summary=$(GENERATOR_COST_WORK="$work" bench/generator-cost.sh "$records")
grep '^cold:' <<< "$summary"
/usr/bin/python3 - "$work" "$(if [ -n "${BASELINE_GENERATOR:-}" ]; then realpath "$BASELINE_GENERATOR"; fi)" <<'PY'
import re, shlex, sys
work, baseline = sys.argv[1], sys.argv[2]
log = open(f"{work}/build.log").read()
line = next(l for l in log.splitlines() if re.match(r"^\s*\S+/csc\s", l))
out = []
for a in shlex.split(line)[1:]:
    if a == "/noconfig":
        continue  # only allowed on the command line; nothing is added without it here (no csc.rsp next to csc)
    if a.startswith("/out:"):
        a = "/out:obj/cold/Cost.dll"
    elif a.startswith("/refout:"):
        a = "/refout:obj/cold/ref/Cost.dll"
    out.append(a)


def quoted(a):  # a comma or a space in a file name: quoted, or the parser splits it
    if ",Version=" in a or any(c.isspace() for c in a):
        return a[:7] + '"' + a[7:] + '"' if a.startswith("/embed:") else '"' + a + '"'
    return a


open(f"{work}/csc.rsp", "w").write("\n".join(map(quoted, out)) + "\n")
if baseline:
    # The same command line with another build of our generator (say, main's), run alternately with this tree's.
    ours = [i for i, a in enumerate(out) if a.startswith("/analyzer:") and a.endswith("/ProdServer.Config.Generators.dll")]
    if len(ours) != 1:
        sys.exit(f"the build's command line has {len(ours)} analyzer entries of ours, not 1: no baseline to swap in")
    out[ours[0]] = "/analyzer:" + baseline
    open(f"{work}/baseline.rsp", "w").write("\n".join(map(quoted, out)) + "\n")
PY
csc=$(grep -m1 -oE '^\s*\S+/csc\s' "$work/build.log" | tr -d ' ')
mkdir -p "$work/obj/cold/ref" "$work/gen/ProdServer.Config.Generators/ProdServer.Config.Generators.ServerArgsGenerator"
(cd "$work" && "$csc" /noconfig @csc.rsp /generatedfilesout:"$work/gen" > "$work/gen.log") || { tail "$work/gen.log"; exit 1; }
dotnet build bench/GeneratorCold -c Release -nologo -v:q > /dev/null
rsps=("$work/csc.rsp")
if [ -n "${BASELINE_GENERATOR:-}" ]; then
  rsps=("$work/baseline.rsp" "$work/csc.rsp") # written beside csc.rsp above
fi
for r in $(seq 1 "$rounds"); do
  for mode in all pregen all-eager sdkfirst "sdkfirst decl"; do
    for rsp in "${rsps[@]}"; do
      [ "$mode" = pregen ] && [ "$rsp" != "$work/csc.rsp" ] && continue # pregen runs no generator of ours
      echo -n "$(basename "$rsp" .rsp) "
      # shellcheck disable=SC2086 # "sdkfirst decl" is two arguments
      dotnet bench/GeneratorCold/bin/Release/net10.0/GeneratorCold.dll "$rsp" $mode
    done
  done
done
