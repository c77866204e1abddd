#!/usr/bin/env bash
# Times whole processes side by side in one run, on the same machine and the same template:
#   1. `archplan diff <plan> --against <template>`  vs  `cdk diff --app <cdk.out> --template <template>`
#   2. `archplan generate` + `dotnet build` + `cdk synth`  vs  `cdk init app --language csharp` + `dotnet build` + `cdk synth`
# Offline after `npm ci` (the repository's aws-cdk CLI): `cdk diff --template` compares the synthesized cloud assembly
# with a template file and asks AWS nothing; `cdk init --generate-only` skips git and the post-install steps.
# The `cdk init` app asks for Amazon.CDK.Lib [2.275.0,3.0.0) and Constructs 10.*; both are pinned to the versions the
# generated app uses (Amazon.CDK.Lib 2.160.0, Constructs 10.0.5) so both apps build from the same packages.
# Usage: tests/perf/compare-with-cdk.sh [runs] [plan]   (runs: how many times each diff runs, default 5;
#        plan: default samples/payments-api.md; ARCHPLAN_BIN: see below). Prints a Markdown table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
runs=${1:-5}
plan=${2:-samples/payments-api.md}
cdk="$repo/node_modules/.bin/cdk"
[ -x "$cdk" ] || { echo "run 'npm ci' first: $cdk is missing" >&2; exit 2; }
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
cdk_flags=(--no-notices --no-version-reporting)

# ARCHPLAN_BIN=<executable> times that build instead (e.g. the native one: `dotnet publish src/ArchPlan.Cli -c Release -o <dir>`).
if [ -n "${ARCHPLAN_BIN:-}" ]; then
  archplan=("$ARCHPLAN_BIN")
else
  dotnet build src/ArchPlan.Cli -c Release -v:q -nologo > /dev/null
  archplan=(dotnet "$repo/src/ArchPlan.Cli/bin/Release/net10.0/archplan.dll")
fi
# Outside the repository, so neither app picks up the repository's Directory.Build.props or Directory.Packages.props.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
once_ms() { # dir command... : wall-clock ms of one run in dir; the command's output goes to $work/log
  local dir=$1 start end; shift
  start=$(now_ms)
  (cd "$dir" && "$@") >> "$work/log" 2>&1 || { echo "failed in $dir: $*" >&2; tail -20 "$work/log" >&2; exit 1; }
  end=$(now_ms)
  echo $(( end - start ))
}
mean_ms() { # dir command... : mean wall-clock ms of $runs runs after one warm-up; exit 1 (drift) counts as success
  local dir=$1 start end; shift
  (cd "$dir" && "$@") > /dev/null 2>&1 || [ $? -eq 1 ]
  start=$(now_ms)
  for _ in $(seq "$runs"); do (cd "$dir" && "$@") > /dev/null 2>&1 || [ $? -eq 1 ]; done
  end=$(now_ms)
  echo $(( (end - start) / runs ))
}
sec() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

# ---- archplan generate + build + synth ----------------------------------------------------------------------
ap_generate=$(once_ms "$repo" "${archplan[@]}" generate "$plan" --output "$work/archplan")
app=$(dirname "$(find "$work/archplan/apps" -name cdk.json | head -1)")
project=$(find "$app/src" -name '*.csproj' | head -1)
ap_build=$(once_ms "$app" dotnet build "$project" -nologo -v:q)
ap_synth=$(once_ms "$app" "$cdk" synth --quiet "${cdk_flags[@]}" -o "$work/archplan-out")

# ---- cdk init + build + synth --------------------------------------------------------------------------------
mkdir -p "$work/init/hello"
init_generate=$(once_ms "$work/init/hello" "$cdk" init app --language csharp --generate-only "${cdk_flags[@]}")
init_project=$(find "$work/init/hello/src" -name '*.csproj' | head -1)
sed -i -E 's/(Include="Amazon\.CDK\.Lib" Version=)"[^"]*"/\1"2.160.0"/; s/(Include="Constructs" Version=)"[^"]*"/\1"10.0.5"/' "$init_project"
init_build=$(once_ms "$work/init/hello" dotnet build "$init_project" -nologo -v:q)
init_synth=$(once_ms "$work/init/hello" "$cdk" synth --quiet "${cdk_flags[@]}" -o "$work/init-out")

# ---- diff against the same synthesized template ----------------------------------------------------------------
template=$(find "$work/archplan-out" -maxdepth 1 -name '*.template.json' | head -1)
resources=$(grep -c '"Type": "AWS::' "$template" || true)
ap_diff=$(mean_ms "$repo" "${archplan[@]}" diff "$plan" --against "$template")
ap_diff_out=$(mean_ms "$repo" "${archplan[@]}" diff "$plan" --against "$work/archplan-out")
cdk_diff=$(mean_ms "$repo" "$cdk" diff --app "$work/archplan-out" --template "$template" "${cdk_flags[@]}")

echo "Plan: \`$plan\`; template: \`$(basename "$template")\` ($resources resources, $(( $(wc -c < "$template") / 1024 )) KB); $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| diff (whole process, mean of $runs runs) | time |"
echo "| --- | ---: |"
echo "| \`archplan diff <plan> --against <template>\` | $ap_diff ms |"
echo "| \`archplan diff <plan> --against <cdk.out>\` | $ap_diff_out ms |"
echo "| \`cdk diff --app <cdk.out> --template <template>\` | $cdk_diff ms |"
echo
echo "| new app (one run each) | \`archplan generate\` | \`cdk init app --language csharp --generate-only\` |"
echo "| --- | ---: | ---: |"
echo "| write the app | $(sec "$ap_generate") | $(sec "$init_generate") |"
echo "| \`dotnet build\` (first, restore included) | $(sec "$ap_build") | $(sec "$init_build") |"
echo "| \`cdk synth\` | $(sec "$ap_synth") | $(sec "$init_synth") |"
echo "| total | $(sec $(( ap_generate + ap_build + ap_synth ))) | $(sec $(( init_generate + init_build + init_synth ))) |"
