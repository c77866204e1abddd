#!/usr/bin/env bash
# Times `archplan check samples/payments-api.md` as a whole process (start-up included) for each way of
# building the CLI, and prints a Markdown table: wall-clock min and median of N runs, median CPU (user + sys).
#
# Usage: tests/perf/startup.sh [--runs N] [--no-native] [--compare]
#   --runs N      runs per build (default 20; one warm-up run first)
#   --no-native   skip the native (AOT) build, which takes one to two minutes to compile
#   --compare     also run every command (check, show, generate, diff, tables) on the samples and test
#                 inputs with the JIT and the native build and fail if any output, exit code or generated
#                 file differs
#
# Builds land in a temporary folder. On a busy machine wall-clock times swing widely: compare the minimum and
# the CPU column, or run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=20 native=1 compare=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-native) native=0; shift ;;
    --compare) compare=1; shift ;;
    *) echo "usage: $0 [--runs N] [--no-native] [--compare]" >&2; exit 2 ;;
  esac
done

rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
quiet=(-c Release -v:q -nologo)

echo "Building into $work (RID $rid) ..." >&2
dotnet build src/ArchPlan.Cli "${quiet[@]}" -o "$work/jit" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
# A version of its own, so the install cannot pick up an ArchPlan.Cli package cached by an earlier pack.
version=0.0.0-startup.$(date +%s)
# The framework-dependent tool package (ArchPlan.Cli.any, what 'dotnet tool install ArchPlan.Cli' gives on platforms
# without a native package; tests/perf/install-route.sh times the default route, native on linux-x64).
dotnet pack src/ArchPlan.Cli "${quiet[@]}" -r any -p:PackageVersion="$version" -o "$work/pkg" > "$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; exit 1; }
dotnet tool install --tool-path "$work/tool" --add-source "$work/pkg" --version "$version" ArchPlan.Cli.any > /dev/null
dotnet publish src/ArchPlan.Cli "${quiet[@]}" -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true \
  -o "$work/r2r" > "$work/r2r.log" 2>&1 || { cat "$work/r2r.log" >&2; exit 1; }
if [ "$native" = 1 ]; then
  dotnet publish src/ArchPlan.Cli "${quiet[@]}" -r "$rid" -o "$work/native" > "$work/native.log" 2>&1 || { cat "$work/native.log" >&2; exit 1; }
fi

# time_runs LABEL COMMAND...: one warm-up, then $runs timed runs; prints a table row.
time_runs() {
  local label=$1; shift
  local samples="$work/samples.txt"
  : > "$samples"
  "$@" > /dev/null 2>&1 || true
  local TIMEFORMAT='%3R %3U %3S'
  for _ in $(seq "$runs"); do
    { time "$@" > /dev/null 2>&1; } 2>> "$samples" || true
  done
  local wall cpu
  wall=$(awk '{ print $1 * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f | %.0f", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  cpu=$(awk '{ print ($2 + $3) * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  echo "| $label | $wall | $cpu |"
}

plan=samples/payments-api.md
echo
echo "\`archplan check $plan\`, $runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start:"
echo
echo "| build | min ms | median ms | median CPU ms (user + sys) |"
echo "| --- | ---: | ---: | ---: |"
time_runs "framework-dependent, \`dotnet archplan.dll\` (build output)" dotnet "$work/jit/archplan.dll" check "$plan"
time_runs "framework-dependent tool (\`ArchPlan.Cli.any\`, \`dotnet tool install\`)" "$work/tool/archplan" check "$plan"
time_runs "framework-dependent ReadyToRun (\`publish -r $rid -p:PublishAot=false -p:PublishReadyToRun=true\`)" "$work/r2r/archplan" check "$plan"
if [ "$native" = 1 ]; then
  time_runs "native AOT (\`publish -r $rid\` or \`pack -r $rid\`)" "$work/native/archplan" check "$plan"
fi
time_runs "for scale: \`archplan --help\`, framework-dependent" dotnet "$work/jit/archplan.dll" --help
if [ "$native" = 1 ]; then
  time_runs "for scale: \`archplan --help\`, native" "$work/native/archplan" --help
fi

if [ "$compare" = 1 ] && [ "$native" = 1 ]; then
  # run_all OUT CLI...: every command on the samples and test inputs; stdout, stderr and exit code per command.
  run_all() {
    local out=$1; shift
    mkdir -p "$out/gen"
    local n=0
    one() {
      n=$((n + 1))
      local rc=0
      "${cli[@]}" "$@" > "$out/$n.out" 2> "$out/$n.err" || rc=$?
      echo "$rc $*" > "$out/$n.cmd"
      sed -i "s|$out|OUT|g" "$out/$n.out" "$out/$n.err" "$out/$n.cmd"
    }
    local cli=("$@") files=tests/ArchPlan.Tests/TestFiles
    one --help
    one check samples
    one check samples --format json
    one check samples --format github
    for d in "$files"/bad/*/; do
      [ -f "$d/plan.md" ] && one check "$d/plan.md" --format json
    done
    for p in "$files"/plans/*.md samples/*.md; do
      [ "$(basename "$p")" = README.md ] && continue
      one check "$p"
      one show "$p"
      one show "$p" --format json
    done
    one generate samples --output "$out/gen"
    one generate samples --output "$out/gen"
    one generate samples/payments-api.md --output "$out/gen" --dry-run
    one diff samples/payments-api.md --against "$out/gen/apps/payments/infra/cdk"
    one diff samples/payments-api.md --against "$out/gen/apps/payments/infra/cdk" --format json
    one diff "$files/infra/leaderboard-plan.md" --against "$files/infra/leaderboard.template.json" --format markdown
    one diff samples/payments-api.md --against "$files/infra/yaml/leaderboard.template.yaml"
    one diff samples/leaderboard-snapshot.md --against "$files/infra/csharp-app"
    one diff samples/leaderboard-snapshot.md --against "$files/infra/synthesized/cdk.out"
    one tables "$files/infra/leaderboard.template.json" --plan "$files/infra/leaderboard-plan.md" --check
    one tables "$files/infra/csharp-app"
    one tables "$out/gen/apps/payments/infra/cdk" --plan samples/payments-api.md --check
    one check does-not-exist.md
    (cd "$out/gen" && find . -type f | sort | xargs sha256sum) > "$out/generated.sha256"
    echo "$n"
  }
  echo >&2
  echo "Comparing every command's output, JIT against native ..." >&2
  count=$(run_all "$work/cmp-jit" dotnet "$work/jit/archplan.dll")
  run_all "$work/cmp-native" "$work/native/archplan" > /dev/null
  if diff -r -x gen "$work/cmp-jit" "$work/cmp-native" > "$work/cmp.diff"; then
    echo
    echo "Native and JIT builds agree on all $count commands (output, errors, exit codes, generated files)."
  else
    echo
    echo "Native and JIT builds DIFFER:"
    head -50 "$work/cmp.diff"
    exit 1
  fi
fi
