#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Every shipping check that can run here, in the order a release needs them; .ci/run runs
# it after `cargo test`. It costs one release build (the wheel; CARGO_TARGET_DIR defaults
# to target/, so it is incremental) and one debug build of the packaged crate.
#
#   scripts/ship/lint.sh              workflows and action.yml: schemas, ShellCheck
#   scripts/ship/test-wheel.sh        build the wheel, install it without Rust, run it
#   scripts/action/test.sh            the GitHub Action's scripts with a fake runner
#   scripts/ship/test-pre-commit.sh   the pre-commit hook on a sample repository
#   scripts/ship/check-crate.sh       cargo publish --dry-run and the crate's size
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/tools.sh"
cd "$SHIP_ROOT"
passed=0
step() {
  echo "== $*"
  "$@" || { echo "ship: $passed passed, 1 failed"; exit 1; }
  passed=$((passed + 1))
}
dist="$SHIP_ROOT/target/ship/dist"
step "$here/lint.sh"
step "$here/build-wheel.sh" "$dist"
wheel=$(ls "$dist"/copydesk-*.whl)
step "$here/test-wheel.sh" "$wheel"
step "$SHIP_ROOT/scripts/action/test.sh" "$dist"
step "$here/test-pre-commit.sh" "$dist"
dirty=()
[ -z "$(git status --porcelain 2>/dev/null)" ] || dirty=(--allow-dirty)
step "$here/check-crate.sh" "${dirty[@]}"
echo "ship: $passed passed, 0 failed"
