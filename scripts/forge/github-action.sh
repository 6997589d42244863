#!/usr/bin/env bash
# The audit step of the GitHub Action (action.yml): one `vigie audit` writes the JSON and Markdown
# scorecards and the SARIF report; the Markdown goes to the job summary, the figures to the step's
# outputs. A score under `fail-under` does not fail this step (the SARIF must still be uploaded):
# the exit code is passed on as the output `exit-code`, and the Action's last step fails with it.
# Inputs arrive as INPUT_* variables (set by action.yml); GitHub sets RUNNER_TEMP, GITHUB_OUTPUT
# and GITHUB_STEP_SUMMARY.
set -uo pipefail
folder="${RUNNER_TEMP:-$(mktemp -d)}/vigie"
rm -rf "$folder" && mkdir -p "$folder"
arguments=(audit "${INPUT_PATH:-.}" --output "$folder" --format sarif --lang "${INPUT_LANG:-fr}")
[ -n "${INPUT_RULESET:-}" ] && arguments+=(--ruleset "$INPUT_RULESET")
[ -n "${INPUT_FAIL_UNDER:-}" ] && arguments+=(--fail-under "$INPUT_FAIL_UNDER")
vigie "${arguments[@]}" > "$folder/vigie.sarif"
status=$?
# 0: at or above the threshold; 1: under it. Anything else is an error vigie explained on stderr,
# with no scorecard to publish (docs/cli.md).
if [ "$status" -gt 1 ]; then exit "$status"; fi
scorecard="$(ls "$folder"/*.json | head -n 1)"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "${scorecard%.json}.md" >> "$GITHUB_STEP_SUMMARY"; fi
score="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["score"])' "$scorecard")"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    {
        echo "score=$score"
        echo "scorecard=$scorecard"
        echo "sarif=$folder/vigie.sarif"
        echo "exit-code=$status"
    } >> "$GITHUB_OUTPUT"
fi
echo "vigie: score $score (exit $status); scorecard $scorecard"
