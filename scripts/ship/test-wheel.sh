#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The wheel end to end: build it (or take the one given), install it into a fresh venv
# with no Rust toolchain on PATH and no package index, and check that the `copydesk` it puts
# on PATH lints the sample drafts.
#
#   scripts/ship/test-wheel.sh [WHEEL]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$(dirname "$0")/tools.sh"
cd "$SHIP_ROOT"
wheel="${1:-$("$here/build-wheel.sh")}"
wheel="$(cd "$(dirname "$wheel")" && pwd)/$(basename "$wheel")"
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KiB)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# A PATH with the venv and the system's directories only: no ~/.cargo/bin, no rustup.
clean_path="$work/venv/bin:/usr/local/bin:/usr/bin:/bin"
run() { env -i HOME="$work" PATH="$clean_path" LANG=C.UTF-8 "$@"; }
if run sh -c 'command -v cargo || command -v rustc'; then
  echo "FAIL: a Rust toolchain is on the test's PATH" >&2
  exit 1
fi
run pip install --quiet --disable-pip-version-check --no-index "$wheel"

fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(run sh -c 'command -v copydesk')" = "$work/venv/bin/copydesk" ] ||
  fail "copydesk is not the venv's: $(run sh -c 'command -v copydesk')"
expected_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ "$(run copydesk --version)" = "copydesk $expected_version" ] ||
  fail "copydesk --version says '$(run copydesk --version)', Cargo.toml says $expected_version"

# The sample drafts have warnings (a name spelled two ways, a repeated paragraph), so the
# check exits 1 and names them.
set +e
(cd examples && run copydesk check drafts --format github --color never) >"$work/out" 2>"$work/err"
status=$?
set -e
[ "$status" = 1 ] || fail "copydesk check examples/drafts exited $status (expected 1: it has warnings); stderr: $(cat "$work/err")"
grep -q '^::warning file=drafts/harbour-sidebar.md,line=12,col=7,.*name-consistency::[^ ]*Kamilleri[^ ]* is spelled [^ ]*Camilleri' "$work/out" ||
  fail "no name-consistency warning for Kamilleri in: $(cat "$work/out")"
grep -q '^::warning file=drafts/harbour-main.md,line=33,.*duplicate-paragraph::' "$work/out" ||
  fail "no duplicate-paragraph warning in: $(cat "$work/out")"
# A clean draft passes.
printf 'The council met on Tuesday.\n' >"$work/clean.md"
run copydesk check "$work/clean.md" >/dev/null 2>&1 || fail "a clean draft did not pass"
# The same wheel through uvx, as `uvx copydesk check drafts/` runs it (no install step).
set +e
(cd examples && run env UV_CACHE_DIR="$work/uv-cache" UV_PYTHON_DOWNLOADS=never \
  "$SHIP_TOOLS/bin/uvx" --no-index --find-links "$(dirname "$wheel")" --from "copydesk==$expected_version" \
  copydesk check drafts --format github) >"$work/out" 2>"$work/err"
status=$?
set -e
[ "$status" = 1 ] || fail "uvx copydesk check drafts exited $status (expected 1); stderr: $(cat "$work/err")"
grep -q '^::warning file=drafts/harbour-sidebar.md,line=12,col=7,.*name-consistency::' "$work/out" ||
  fail "uvx: no name-consistency warning in: $(cat "$work/out")"
echo "ok: the wheel installs copydesk $expected_version without Rust and it lints examples/drafts (pip and uvx)"
