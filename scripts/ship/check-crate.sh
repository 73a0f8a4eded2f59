#!/usr/bin/env bash
# crates.io readiness: `cargo publish --dry-run` packages the crate and builds it from the
# package alone (so build.rs and the data it compiles in must be in the package), then
# prints the package's size. tests/package.rs checks the file list in `cargo test`.
#
#   scripts/ship/check-crate.sh [--allow-dirty]
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
packages="${CARGO_TARGET_DIR:-target}/package"
# cargo publish leaves the .crate in package/tmp-crate/, cargo package in package/: clear
# both so that the size below is this run's.
rm -f "$packages/copydesk-$version.crate" "$packages/tmp-crate/copydesk-$version.crate"
cargo publish --dry-run --locked "$@"
crate=$(find "$packages" -name "copydesk-$version.crate" | head -n 1)
[ -n "$crate" ] || { echo "FAIL: cargo publish --dry-run left no copydesk-$version.crate under $packages" >&2; exit 1; }
size=$(wc -c <"$crate")
echo "$crate: $size bytes compressed"
[ "$size" -lt 10000000 ] || { echo "FAIL: over crates.io's 10 MB limit" >&2; exit 1; }
