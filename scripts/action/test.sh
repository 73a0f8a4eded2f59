#!/usr/bin/env bash
# shellcheck disable=SC2016 # backticks in grep patterns are Markdown, not commands
# Runs the action's scripts (install.sh, run.sh) as the runner would, with a fake
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH and RUNNER_TEMP, and checks what they
# write. install.sh takes the wheel from WHEEL_DIR instead of PyPI (pip's --find-links, no
# index), as `pip install copydesk==VERSION` would on a runner.
#
#   scripts/action/test.sh WHEEL_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
wheels="$(cd "${1:?usage: scripts/action/test.sh WHEEL_DIR}" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; echo "$passed passed, 1 failed"; exit 1; }
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
base_path="/usr/local/bin:/usr/bin:/bin"

# The runner's files, emptied for each step (RUNNER_TEMP keeps the venv install.sh made).
runner() {
  mkdir -p "$work/runner/temp"
  rm -f "$work/runner/temp/copydesk.sarif"
  : >"$work/runner/output"
  : >"$work/runner/summary"
  : >"$work/runner/path"
}
gh_env=(RUNNER_TEMP="$work/runner/temp" GITHUB_OUTPUT="$work/runner/output"
  GITHUB_STEP_SUMMARY="$work/runner/summary" GITHUB_PATH="$work/runner/path")
output() { sed -n "s/^$1=//p" "$work/runner/output"; }

# --- install.sh -------------------------------------------------------------------------
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
runner
env -i "${gh_env[@]}" HOME="$work" PATH="$base_path" PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels" \
  INPUT_VERSION="" bash "$root/scripts/action/install.sh" >"$work/log" 2>&1 ||
  fail "install.sh with the default version failed: $(cat "$work/log")"
bin=$(cat "$work/runner/path")
[ "$bin" = "$work/runner/temp/copydesk-venv/bin" ] || fail "GITHUB_PATH holds '$bin'"
[ "$("$bin/copydesk" --version)" = "copydesk $version" ] || fail "installed $("$bin/copydesk" --version), not $version"
ok "install.sh installs copydesk==$version (the action's own version) and adds it to GITHUB_PATH"

runner
if env -i "${gh_env[@]}" HOME="$work" PATH="$base_path" INPUT_VERSION=installed \
  bash "$root/scripts/action/install.sh" >"$work/log" 2>&1; then
  fail "version: installed passed with no copydesk on PATH"
fi
grep -q '^::error title=copydesk::version: installed, but there is no copydesk on PATH' "$work/log" ||
  fail "no annotation for a missing copydesk: $(cat "$work/log")"
runner
if env -i "${gh_env[@]}" HOME="$work" PATH="$base_path" INPUT_VERSION=v1 \
  bash "$root/scripts/action/install.sh" >"$work/log" 2>&1; then
  fail "version v1 was accepted"
fi
grep -q "^::error title=copydesk::version 'v1' is not a release" "$work/log" || fail "no annotation for version v1: $(cat "$work/log")"
ok "install.sh refuses a missing installed copydesk and a version that is not X.Y.Z"

# --- run.sh -----------------------------------------------------------------------------
# In a checkout like the one a workflow checks: the sample drafts (seven, six with findings:
# the wire story the rewrite restates has none),
# a clean draft and a folder whose name has a space.
repo="$work/repo"
mkdir -p "$repo/clean" "$repo/desk notes"
cp -r "$root/examples/drafts" "$repo/drafts"
printf 'The council met on Tuesday.\n' >"$repo/clean/brief.md"
printf 'The mayor said the the budget was final.\n' >"$repo/desk notes/memo.md"
check() {
  runner
  (cd "$repo" && env -i "${gh_env[@]}" HOME="$work" PATH="$bin:$base_path" "$@" \
    bash "$root/scripts/action/run.sh") >"$work/stdout" 2>"$work/stderr" ||
    fail "run.sh exited non-zero (it must leave failing to the last step): $(cat "$work/stderr")"
}

check INPUT_PATHS=drafts
[ "$(output exit-code)" = 1 ] || fail "exit-code=$(output exit-code) on the sample drafts (they have warnings)"
findings=$(output findings)
[ "$findings" -gt 3 ] 2>/dev/null || fail "findings=$findings on the sample drafts"
grep -q '^::warning file=drafts/harbour-sidebar.md,line=12,col=7,.*title=copydesk name-consistency::' "$work/stdout" ||
  fail "no annotation for the misspelled name: $(head -n 5 "$work/stdout")"
grep -q '^### copydesk failed$' "$work/runner/summary" || fail "summary: $(cat "$work/runner/summary")"
grep -q "^$findings findings in 6 drafts\.$" "$work/runner/summary" || fail "summary: $(cat "$work/runner/summary")"
grep -q '^| `name-consistency` | warning | [0-9]* |$' "$work/runner/summary" || fail "summary: $(cat "$work/runner/summary")"
[ -z "$(output sarif-file)" ] || fail "SARIF written unasked"
ok "run.sh annotates the sample drafts, records exit-code=1 and findings=$findings, and writes the summary"

check INPUT_PATHS=drafts INPUT_FAIL_ON=never INPUT_SARIF_UPLOAD=true
[ "$(output exit-code)" = 0 ] || fail "exit-code=$(output exit-code) with fail-on never"
sarif=$(output sarif-file)
[ "$sarif" = "$work/runner/temp/copydesk.sarif" ] || fail "sarif-file=$sarif"
python3 - "$sarif" "$findings" <<'PY' || fail "the SARIF file is not what code scanning takes"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0", log["version"]
results = log["runs"][0]["results"]
assert log["runs"][0]["tool"]["driver"]["name"] == "copydesk"
assert len(results) >= int(sys.argv[2]), (len(results), sys.argv[2])
assert any(r["ruleId"] == "name-consistency" for r in results)
PY
ok "run.sh writes SARIF for the upload step and passes with fail-on never"

check INPUT_PATHS=$'clean\ndesk notes' INPUT_FORMAT=human
[ "$(output exit-code)" = 1 ] || fail "exit-code=$(output exit-code) with a repeated word in 'desk notes/memo.md'"
[ "$(output findings)" = 1 ] || fail "findings=$(output findings) (expected the one repeated word)"
grep -q 'repeated-word' "$work/stdout" || fail "human output: $(cat "$work/stdout")"
grep -q '^| `repeated-word` | warning | 1 |$' "$work/runner/summary" || fail "summary: $(cat "$work/runner/summary")"
ok "run.sh takes paths one a line (with spaces) and the human format"

check INPUT_PATHS=clean
[ "$(output exit-code)" = 0 ] || fail "exit-code=$(output exit-code) on a clean draft"
[ "$(output findings)" = 0 ] || fail "findings=$(output findings) on a clean draft"
grep -q '^No findings\.$' "$work/runner/summary" || fail "summary: $(cat "$work/runner/summary")"
ok "run.sh passes a clean draft"

check INPUT_PATHS=missing.md
[ "$(output exit-code)" = 2 ] || fail "exit-code=$(output exit-code) for a missing file (expected 2)"
ok "run.sh records exit-code=2 for a draft it cannot read"
echo "$passed passed, 0 failed"
