#!/usr/bin/env bash
# Issue 7: what our source generator and analyzers cost a build. Generates a throwaway project with N (default 200)
# [ServerArgs] records of ten flags each, builds it from scratch with -p:ReportAnalyzer=true, with the compiler server and
# with a fresh csc (see below), and prints the time Roslyn reports for ProdServer.Config's generator and analyzers as a
# share of the compiler's own time and of the whole build's wall time; the last two lines say whether the target (at most
# 2 %) is met each way. The machine's load moves both numbers: run it several times and quote the range.
# bench/generator-edit.sh times one-token edits (the IDE's case).
# Usage: bench/generator-cost.sh [RECORDS]
# GENERATOR_COST_SHAPE=options builds the reference instead: the same number of types of the same shape validated by the
# Microsoft Options validator generator ([OptionsValidator], bench/GeneratorCost/OptionsRecord.cs.template), and prints its
# share of the build the same two ways, so that the 2 % target is read against that generator measured alike.
# GENERATOR_COST_WORK=DIR builds in DIR and keeps it (its build.log holds the Csc command line bench/generator-cold.sh reruns).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-200}
root=$(pwd)
if [ -n "${GENERATOR_COST_WORK:-}" ]; then
  work=$(realpath -m "$GENERATOR_COST_WORK")
  # Emptied first, so only a folder this script made (or an empty or missing one) is accepted.
  if [ -d "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/Cost.csproj" ]; then
    echo "GENERATOR_COST_WORK=$work is not empty and not a cost project: refusing to empty it" >&2
    exit 1
  fi
  rm -rf "$work" && mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

shape=${GENERATOR_COST_SHAPE:-ours}
if [ "$shape" = options ]; then
  references='<PackageReference Include="Microsoft.Extensions.Options" Version="10.0.0" />'
  template=bench/GeneratorCost/OptionsRecord.cs.template
  measured='Microsoft.Extensions.Options.SourceGeneration'
  program='System.Console.WriteLine(new Cost.ValidateArgs1().Validate(null, new Cost.Args1 { Workers = 2 }).Succeeded);'
else
  references="<ProjectReference Include=\"$root/src/Config/Config.csproj\" />
    <ProjectReference Include=\"$root/src/Generators/Generators.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <ProjectReference Include=\"$root/src/Analyzers/Analyzers.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />"
  template=bench/GeneratorCost/Record.cs.template
  measured='ProdServer.Config'
  program='System.Console.WriteLine(((ProdServer.Config.IServerArgs)new Cost.Args1 { Workers = 2 }).Command);'
fi

cat > "$work/Cost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    $references
  </ItemGroup>
</Project>
XML
# Keep the repository's Directory.Build.props/Packages.props out of the throwaway project.
echo '<Project />' > "$work/Directory.Build.props"
echo '<Project />' > "$work/Directory.Packages.props"

# The records come from the template bench/GeneratorCost (the in-process harness) fills in too, so both time one project.
for i in $(seq 1 "$records"); do
  sed -e "s/__N__/$i/g" -e "s/__WORKERS__/workers/g" "$template" > "$work/Args$i.cs"
done
echo "$program" > "$work/Program.cs"

# The compiler runs our generator in one of two ways, and the build is measured both ways:
#   server  with the compiler server (UseSharedCompilation=true, the SDK's default: a developer's builds and the IDE), which
#           has loaded and run our generator before (the first build below), as it has after the first build of a day;
#   cold    a fresh csc per build (UseSharedCompilation=false, which CI machines often set, and this machine's environment
#           does): nothing JIT-compiled yet, no metadata read; bench/generator-cold.sh shows where that time goes.
# The referenced projects first, so the measured builds compile only the generated project.
server_was_running=$(pgrep -x VBCSCompiler >/dev/null && echo yes || echo no)
dotnet build "$work/Cost.csproj" -c Release -nologo -v:q -p:UseSharedCompilation=true > "$work/first.log" || { tail -30 "$work/first.log"; exit 1; }
measure() { # MODE LOG USE_SHARED_COMPILATION: appends MODE, the log, start and end to runs
  local start end
  start=$(date +%s.%N)
  dotnet build "$work/Cost.csproj" -c Release -nologo --no-incremental --no-dependencies -p:UseSharedCompilation="$3" \
    -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/$2"
  end=$(date +%s.%N)
  runs+=("$1" "$work/$2" "$start" "$end")
}
runs=()
measure server build-server.log true
measure cold build.log false
# A compiler server this script started goes too (it would otherwise idle for ten minutes).
[ "$server_was_running" = yes ] || dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true

/usr/bin/python3 - "$records" "$measured" "${runs[@]}" <<'PY'
import re, sys
records, measured = sys.argv[1], sys.argv[2]
verdicts = []
# Four arguments per build (mode, log, start, end), so that a work folder with spaces in its name stays one path.
runs = sys.argv[3:]
for i in range(0, len(runs), 4):
    mode, path, start, end = runs[i:i + 4]
    log, wall = open(path).read(), float(end) - float(start)
    ours = 0.0
    # Roslyn prints a total per analyzer/generator assembly ("ProdServer.Config.Analyzers, Version=…"), then its parts.
    for m in re.finditer(r"^\s*(<?[0-9.]+)\s+<?[0-9]+\s+(" + re.escape(measured) + r"(?:\.\w+)?), Version=", log, re.M):
        ours += float(m.group(1).lstrip("<"))
    csc = re.search(r"^\s*([0-9]+) ms\s+Csc\s", log, re.M)
    print(f"{mode}: {records} args records: {measured} generator(s) + analyzers {ours:.3f} s; build {wall:.1f} s wall"
          + (f", Csc task {int(csc.group(1)) / 1000:.1f} s" if csc else "")
          + f" -> {100 * ours / wall:.2f} % of the build" + (f" ({100 * ours / (int(csc.group(1)) / 1000):.2f} % of Csc)" if csc else ""))
    for line in log.splitlines():
        if re.search(re.escape(measured) + r"[.,]", line) and re.match(r"^\s*<?[0-9.]+\s+<?[0-9]+\s", line):
            print("  " + line.strip())
    share = 100 * ours / wall
    verdicts.append(f"target ({mode}): at most 2 % of the build: {'met' if share <= 2 else 'missed'} ({share:.2f} %"
                    + (f", {share - 2:.2f} points over, {share / 2:.1f}x the target)" if share > 2 else f", {2 - share:.2f} points under)"))
print("\n".join(verdicts))
PY
