#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The pre-commit hook end to end, with the pre-commit package from PyPI: a mirror repository
# made from pre-commit/ (as copydesk-pre-commit would be published), a sample repository that
# uses it, and commits through the installed hook. pip installs copydesk from WHEEL_DIR
# instead of PyPI (no index: the same `copydesk==VERSION` pin resolves to the local wheel).
#
#   scripts/ship/test-pre-commit.sh WHEEL_DIR
set -euo pipefail
source "$(dirname "$0")/tools.sh"
wheels="$(cd "${1:?usage: test-pre-commit.sh WHEEL_DIR}" && pwd)"
root="$SHIP_ROOT"
passed=0
fail() { echo "FAIL: $*" >&2; echo "$passed passed, 1 failed"; exit 1; }
ok() { echo "ok: $*"; passed=$((passed + 1)); }

cmp -s "$root/.pre-commit-hooks.yaml" "$root/pre-commit/.pre-commit-hooks.yaml" ||
  fail ".pre-commit-hooks.yaml and pre-commit/.pre-commit-hooks.yaml differ"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
grep -q "\"copydesk==$version\"" "$root/pre-commit/pyproject.toml" ||
  fail "pre-commit/pyproject.toml does not pin copydesk==$version"
ok "the root and mirror hooks are the same and the mirror pins copydesk==$version"

# pip builds the mirror (a project with no code) with setuptools, in isolation: keep a
# setuptools wheel beside the copydesk wheel, since no index is used.
build_wheels="$root/target/ship/build-wheels"
if ! ls "$build_wheels"/setuptools-*.whl >/dev/null 2>&1; then
  pip download --quiet --disable-pip-version-check --only-binary=:all: -d "$build_wheels" "setuptools>=77"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" PRE_COMMIT_HOME="$work/cache" PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheels $build_wheels"
export GIT_AUTHOR_NAME=desk GIT_AUTHOR_EMAIL=desk@example.com GIT_COMMITTER_NAME=desk GIT_COMMITTER_EMAIL=desk@example.com
git config --global init.defaultBranch main
git config --global advice.detachedHead false

mirror="$work/copydesk-pre-commit"
cp -r "$root/pre-commit" "$mirror"
git -C "$mirror" init --quiet
git -C "$mirror" add -A
git -C "$mirror" commit --quiet -m "copydesk $version"
git -C "$mirror" tag "v$version"

sample="$work/newsroom"
mkdir -p "$sample/drafts"
cat >"$sample/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $mirror
    rev: v$version
    hooks:
      - id: copydesk
        files: ^drafts/
YAML
cd "$sample"
git init --quiet
pre-commit install >/dev/null
git add .pre-commit-config.yaml
git commit --quiet -m "pre-commit" || fail "a commit with no drafts failed"

printf 'The mayor said the the budget was final.\n' >drafts/budget.md
printf 'A note on code, not a draft: the the.\n' >notes.md
git add drafts/budget.md notes.md
if git commit --quiet -m "budget" >"$work/log" 2>&1; then
  fail "the hook let a draft with a repeated word through: $(cat "$work/log")"
fi
grep -q 'copydesk.*Failed' "$work/log" || fail "the hook did not report failing: $(cat "$work/log")"
grep -q 'repeated-word' "$work/log" || fail "no repeated-word finding in: $(cat "$work/log")"
grep -q 'drafts/budget.md:1:' "$work/log" || fail "the finding names no file and line: $(cat "$work/log")"
grep -q 'notes.md' "$work/log" && fail "the hook checked notes.md, outside files: ^drafts/"
[ -x "$(ls -d "$PRE_COMMIT_HOME"/repo*/py_env-*/bin)/copydesk" ] || fail "copydesk is not in the hook's environment"
ok "the hook blocks a commit of a draft with a finding and names it (drafts/budget.md:1, repeated-word)"

printf 'The mayor said the budget was final.\n' >drafts/budget.md
git add drafts/budget.md
git commit --quiet -m "budget" >"$work/log" 2>&1 || fail "the hook blocked a clean draft: $(cat "$work/log")"
grep -q 'copydesk.*Passed' "$work/log" || fail "the hook did not report passing: $(cat "$work/log")"
ok "the hook passes a commit of a clean draft"

pre-commit run --all-files >"$work/log" 2>&1 || fail "pre-commit run --all-files failed on clean drafts: $(cat "$work/log")"
ok "pre-commit run --all-files passes the clean repository"
echo "$passed passed, 0 failed"
