#!/usr/bin/env bash
# The default install route, as real processes: packs the tool the way docs/install.md says (the pointer package
# ArchPlan.Cli, the native ArchPlan.Cli.linux-x64 and the framework-dependent ArchPlan.Cli.any), installs it with
# 'dotnet tool install --add-source', checks that linux-x64 gets the native executable and that a platform the
# pointer has no package for gets the framework-dependent one, runs 'archplan check' on a sample, and times
# whole-process 'check' on both (hyperfine when installed, else a timed loop). Prints a Markdown table for
# docs/performance.md; exits non-zero when any step fails.
#
# Usage: tests/perf/install-route.sh [--runs N]   (default 20; the native pack takes one to three minutes)
# Not an xunit test: packing the native executable alone takes longer than the test suite can afford on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=20
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 2 ;;
  esac
done

rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
if [ "$rid" != linux-x64 ]; then
  echo "This machine is $rid: the native package is built for linux-x64 only; the install gives the framework-dependent build." >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A version of its own, so the install cannot pick up a package cached by an earlier run.
version=0.0.0-install.$(date +%s)
pack() { # VERSION OUTPUT [ARGS...]
  local v=$1 o=$2; shift 2
  dotnet pack src/ArchPlan.Cli -c Release -v:q -nologo -p:PackageVersion="$v" -o "$o" "$@"
}
fail() { echo "install-route: $*" >&2; exit 1; }

echo "Packing into $work/pkg ..." >&2
start=$(date +%s)
pack "$version" "$work/pkg" > "$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "dotnet pack (pointer package) failed"; }
pack "$version" "$work/pkg" -r any > "$work/pack-any.log" 2>&1 || { cat "$work/pack-any.log" >&2; fail "dotnet pack -r any failed"; }
if [ "$rid" = linux-x64 ]; then
  pack "$version" "$work/pkg" -r linux-x64 > "$work/pack-native.log" 2>&1 || { cat "$work/pack-native.log" >&2; fail "dotnet pack -r linux-x64 (Native AOT) failed"; }
fi
echo "Packed in $(( $(date +%s) - start )) s: $(cd "$work/pkg" && ls | tr '\n' ' ')" >&2

# The default route: the pointer package, which names the package for each platform.
dotnet tool install --tool-path "$work/tool" --add-source "$work/pkg" --version "$version" ArchPlan.Cli > "$work/install.log" 2>&1 \
  || { cat "$work/install.log" >&2; fail "dotnet tool install ArchPlan.Cli failed"; }
installed=$(readlink -f "$work/tool/archplan")
folder=$(dirname "$installed")
if [ "$rid" = linux-x64 ]; then
  case "$installed" in */archplan.cli.linux-x64/*) ;; *) fail "linux-x64 got $installed, not the native package" ;; esac
  [ -e "$folder/archplan.dll" ] && fail "the native install has an archplan.dll beside it: it is the JIT build"
  echo "linux-x64 installs the native executable: ${installed#"$work/"}" >&2
fi
out=$("$work/tool/archplan" check samples/payments-api.md) || fail "archplan check samples/payments-api.md exited $?: $out"
[ "$out" = "0 errors, 0 warnings" ] || fail "archplan check printed: $out"

# A platform the pointer package has no native package for gets ArchPlan.Cli.any: the same check with a pointer
# that lists only another platform's native package.
pack "$version-fallback" "$work/pkg-fallback" '-p:ToolPackageRuntimeIdentifiers="osx-arm64;any"' > "$work/pack-fallback.log" 2>&1 || { cat "$work/pack-fallback.log" >&2; fail "dotnet pack (fallback pointer) failed"; }
pack "$version-fallback" "$work/pkg-fallback" -r any > "$work/pack-fallback-any.log" 2>&1 \
  || { cat "$work/pack-fallback-any.log" >&2; fail "dotnet pack -r any (fallback) failed"; }
dotnet tool install --tool-path "$work/fallback" --add-source "$work/pkg-fallback" --version "$version-fallback" ArchPlan.Cli > "$work/install-fallback.log" 2>&1 \
  || { cat "$work/install-fallback.log" >&2; fail "dotnet tool install (fallback) failed"; }
fallback=$(find "$work/fallback/.store" -name archplan.dll -path "*archplan.cli.any*" | head -1)
[ -n "$fallback" ] || fail "a platform without a native package did not get ArchPlan.Cli.any"
out=$("$work/fallback/archplan" check samples/payments-api.md) || fail "framework-dependent archplan check exited $?: $out"
echo "a platform without a native package installs ArchPlan.Cli.any (framework-dependent)" >&2

plan=samples/payments-api.md
echo
echo "\`archplan check $plan\` as a whole process, $runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start:"
echo
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$work/times.md" \
    -n "default install ($rid)" "$work/tool/archplan check $plan" \
    -n "framework-dependent (ArchPlan.Cli.any)" "$work/fallback/archplan check $plan" > "$work/hyperfine.log" 2>&1 \
    || { cat "$work/hyperfine.log" >&2; fail "hyperfine failed"; }
  cat "$work/times.md"
  echo
  grep -E "Benchmark|Time|User|Range" "$work/hyperfine.log"
else
  time_runs() { # LABEL COMMAND...: median wall-clock and CPU ms of $runs runs after one warm-up
    local label=$1; shift
    local samples="$work/samples.txt" TIMEFORMAT='%3R %3U %3S'
    : > "$samples"
    "$@" > /dev/null 2>&1 || true
    for _ in $(seq "$runs"); do { time "$@" > /dev/null 2>&1; } 2>> "$samples" || true; done
    echo "| $label | $(awk '{ print $1 * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] }') | $(awk '{ print ($2 + $3) * 1000 }' "$samples" | sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", v[int((NR + 1) / 2)] }') |"
  }
  echo "| install | median ms | median CPU ms (user + sys) |"
  echo "| --- | ---: | ---: |"
  time_runs "default install ($rid)" "$work/tool/archplan" check "$plan"
  time_runs "framework-dependent (ArchPlan.Cli.any)" "$work/fallback/archplan" check "$plan"
fi
