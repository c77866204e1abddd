#!/usr/bin/env bash
# The ArchPlan GitHub action's work (action.yml runs it): 'archplan check' over the plans and, when given
# infrastructure, 'archplan diff' of one plan against it. Findings become workflow annotations (--format github)
# on standard output, and a markdown summary is appended to $GITHUB_STEP_SUMMARY. Exits with the worst exit code
# (0 clean, 1 problems or drift, 2 usage error or unreadable input).
#
# Environment (action.yml maps its inputs to these):
#   ARCHPLAN_PLANS      plan files or folders, separated by spaces (default: plans)
#   ARCHPLAN_AGAINST    a cdk.out folder, a template or a C# CDK app folder to diff with; empty: no diff
#   ARCHPLAN_DIFF_PLAN  the plan to diff (default: ARCHPLAN_PLANS when it is one file)
#   ARCHPLAN            the command to run (default: archplan), e.g. "dotnet /path/archplan.dll"
#   GITHUB_STEP_SUMMARY the job summary file (set by GitHub Actions)
set -uo pipefail
export NO_COLOR=1

read -r -a archplan <<< "${ARCHPLAN:-archplan}"
read -r -a plans <<< "${ARCHPLAN_PLANS:-plans}"
against="${ARCHPLAN_AGAINST:-}"
diff_plan="${ARCHPLAN_DIFF_PLAN:-}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
worst=0

note_exit() {
  if [ "$1" -gt "$worst" ]; then worst=$1; fi
}

verdict() {
  case "$1" in
    0) echo "passed" ;;
    1) echo "failed" ;;
    *) echo "could not run (exit $1)" ;;
  esac
}

# check: annotations for the pull request, then the text report for the summary.
"${archplan[@]}" check "${plans[@]}" --format github
check_exit=$?
note_exit "$check_exit"
check_text=$("${archplan[@]}" check "${plans[@]}" 2>&1)

{
  echo "## ArchPlan"
  echo
  echo "### check: $(verdict "$check_exit")"
  echo
  echo '````text'
  printf '%s\n' "$check_text"
  echo '````'
  echo
} >> "$summary"

if [ -n "$against" ]; then
  if [ -z "$diff_plan" ]; then
    if [ "${#plans[@]}" -eq 1 ] && [ -f "${plans[0]}" ]; then
      diff_plan="${plans[0]}"
    else
      echo "::error title=ArchPlan::'against' is set but not which plan to diff: set 'diff-plan' (plans names more than one file)"
      echo "### diff: not run: set \`diff-plan\` to the plan to compare with \`$against\`" >> "$summary"
      exit 2
    fi
  fi
  "${archplan[@]}" diff "$diff_plan" --against "$against" --format github
  diff_exit=$?
  note_exit "$diff_exit"
  {
    echo "### diff: $(verdict "$diff_exit")"
    echo
    "${archplan[@]}" diff "$diff_plan" --against "$against" --format markdown 2>&1 | sed 's/^## /#### /'
    echo
  } >> "$summary"
fi

exit "$worst"
