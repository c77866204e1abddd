#!/usr/bin/env bash
# Times whole archplan processes (startup included) on the bundled samples: the mean wall-clock time of N runs.
# Usage: tests/perf/time-processes.sh [runs]   (builds Release first; prints a Markdown table for docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
dotnet build src/ArchPlan.Cli -c Release -v:q -nologo > /dev/null
cli="dotnet src/ArchPlan.Cli/bin/Release/net10.0/archplan.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mean_ms() { # command...
  local start end
  "$@" > /dev/null 2>&1 || true   # warm the file cache once
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" > /dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

echo "| command (whole process, mean of $runs runs) | ms |"
echo "| --- | ---: |"
echo "| \`archplan check samples/payments-api.md\` | $(mean_ms $cli check samples/payments-api.md) |"
echo "| \`archplan show samples/payments-api.md --format json\` | $(mean_ms $cli show samples/payments-api.md --format json) |"
echo "| \`archplan generate samples/payments-api.md\` (unchanged rerun) | $(mean_ms $cli generate samples/payments-api.md --output "$work") |"
echo "| \`archplan generate samples/\` (3 plans, unchanged rerun) | $(mean_ms $cli generate samples --output "$work/all") |"
echo "| \`archplan diff\` against the app's C# source | $(mean_ms $cli diff samples/payments-api.md --against "$work/apps/payments/infra/cdk") |"
