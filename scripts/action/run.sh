#!/usr/bin/env bash
# The action's check step: runs `copydesk check` on the inputs and reports.
#
# Inputs (environment): INPUT_PATHS (whitespace- or newline-separated, default "."),
# INPUT_FORMAT (default github: workflow annotations on the pull request), INPUT_FAIL_ON
# (default warning), INPUT_ARGS (more options, e.g. "--story"), INPUT_SARIF_UPLOAD and
# INPUT_SARIF_FILE (SARIF is written when either asks for it).
#
# Writes exit-code, findings and sarif-file to GITHUB_OUTPUT and a table of findings by
# rule to GITHUB_STEP_SUMMARY. It exits 0 even when the check fails, so that the SARIF
# upload step still runs; the action's last step fails the job with exit-code.
set -euo pipefail
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set (this script runs in a GitHub Actions job)}"
format="${INPUT_FORMAT:-github}"
fail_on="${INPUT_FAIL_ON:-warning}"
sarif_upload="${INPUT_SARIF_UPLOAD:-false}"
sarif_file="${INPUT_SARIF_FILE:-}"

paths=()
if [ -n "${INPUT_PATHS:-}" ]; then
  if [[ "$INPUT_PATHS" == *$'\n'* ]]; then
    while IFS= read -r line; do
      [ -n "$line" ] && paths+=("$line")
    done <<<"$INPUT_PATHS"
  else
    read -ra paths <<<"$INPUT_PATHS"
  fi
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)
extra=()
[ -z "${INPUT_ARGS:-}" ] || read -ra extra <<<"$INPUT_ARGS"

case "$sarif_upload" in
  true | false) ;;
  *) echo "::error title=copydesk::sarif-upload must be true or false, not '$sarif_upload'"; exit 1 ;;
esac
if [ "$sarif_upload" = true ] && [ -z "$sarif_file" ]; then
  sarif_file="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/copydesk.sarif"
fi

status=0
copydesk check --format "$format" --fail-on "$fail_on" --color never "${extra[@]}" -- "${paths[@]}" || status=$?

if [ -n "$sarif_file" ]; then
  sarif_status=0
  copydesk check --format sarif --fail-on never "${extra[@]}" -- "${paths[@]}" >"$sarif_file" 2>/dev/null || sarif_status=$?
  [ "$sarif_status" = 0 ] || echo "::warning title=copydesk::writing SARIF exited $sarif_status"
fi

json=$(mktemp)
trap 'rm -f "$json"' EXIT
copydesk check --format json --fail-on never "${extra[@]}" -- "${paths[@]}" >"$json" 2>/dev/null || true
# On Windows runners `python3` may be the Store's stand-in; `python` is the real one.
if [ "${RUNNER_OS:-}" = Windows ]; then
  python=$(command -v python || true)
else
  python=$(command -v python3 || command -v python || true)
fi
findings=""
if [ -n "$python" ]; then
  findings=$("$python" - "$json" "${GITHUB_STEP_SUMMARY:-}" "$status" <<'PY'
import collections, json, sys
path, summary, status = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    findings = json.load(open(path, encoding="utf-8"))
except ValueError:
    findings = None
if findings is None:
    print("")
    sys.exit(0)
print(len(findings))
if summary:
    by_rule = collections.Counter((f["rule"], f["severity"]) for f in findings)
    drafts = len({f["path"] for f in findings})
    with open(summary, "a", encoding="utf-8") as out:
        verdict = "passed" if status == "0" else "failed"
        out.write(f"### copydesk {verdict}\n\n")
        if not findings:
            out.write("No findings.\n")
        else:
            out.write(f"{len(findings)} findings in {drafts} drafts.\n\n| Rule | Severity | Findings |\n|---|---|---|\n")
            for (rule, severity), count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
                out.write(f"| `{rule}` | {severity} | {count} |\n")
PY
  )
fi

{
  echo "exit-code=$status"
  echo "findings=$findings"
  echo "sarif-file=$sarif_file"
} >>"$GITHUB_OUTPUT"
exit 0
