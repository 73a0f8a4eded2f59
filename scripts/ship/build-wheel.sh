#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the copydesk wheel for this machine into OUTDIR (default target/ship/dist) with the
# command the release workflow runs for each target (there inside maturin-action's manylinux
# container on Linux, so the released wheels carry a manylinux tag; here the tag is this
# machine's glibc). It reuses target/ (CARGO_TARGET_DIR), so a warm release build is not
# repeated. Prints the wheel's path.
#
#   scripts/ship/build-wheel.sh [OUTDIR]
set -euo pipefail
source "$(dirname "$0")/tools.sh"
cd "$SHIP_ROOT"
out="${1:-$SHIP_ROOT/target/ship/dist}"
mkdir -p "$out"
version=$(cargo metadata --no-deps --format-version 1 --offline |
  python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "copydesk"))')
rm -f "$out"/copydesk-"$version"-*.whl
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$SHIP_ROOT/target}"
maturin build --release --locked --out "$out" >&2
ls "$out"/copydesk-"$version"-*.whl
