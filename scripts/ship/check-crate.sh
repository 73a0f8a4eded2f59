#!/usr/bin/env bash
# crates.io readiness: `cargo publish --dry-run` packages the crate and builds it from the
# package alone (so build.rs and the data it compiles in must be in the package), then
# prints the package's size. tests/package.rs checks the file list in `cargo test`.
#
#   scripts/ship/check-crate.sh [--allow-dirty]
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo publish --dry-run --locked "$@"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
crate="target/package/copydesk-$version.crate"
size=$(wc -c <"$crate")
echo "$crate: $size bytes compressed"
[ "$size" -lt 10000000 ] || { echo "FAIL: over crates.io's 10 MB limit" >&2; exit 1; }
