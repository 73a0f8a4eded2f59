#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# The Linux x86_64 pieces of a release, built here with the commands of
# .github/workflows/release.yml's build job for x86_64-unknown-linux-gnu:
#
#   maturin build --release --locked --out wheels --target x86_64-unknown-linux-gnu
#   scripts/ship/archive.sh x86_64-unknown-linux-gnu target/…/release/copydesk assets
#   editors/vscode/scripts/package-vsix.sh linux-x64 target/…/release/copydesk assets
#   scripts/ship/checksums.sh dist          (the release job, over everything)
#
# One difference: the workflow runs maturin inside maturin-action's manylinux2014 container
# (`manylinux: "2014"`), so its wheel is tagged manylinux_2_17; here maturin runs on this
# machine and tags the wheel for its glibc. Output in OUTDIR (default target/ship/release).
#
#   scripts/ship/release-local.sh [OUTDIR]
set -euo pipefail
source "$(dirname "$0")/tools.sh"
cd "$SHIP_ROOT"
target=x86_64-unknown-linux-gnu
out="${1:-$SHIP_ROOT/target/ship/release}"
rm -rf "$out"
mkdir -p "$out/wheels" "$out/assets" "$out/dist"
maturin build --release --locked --out "$out/wheels" --target "$target"
binary="target/$target/release/copydesk"
bash scripts/ship/archive.sh "$target" "$binary" "$out/assets"
if [ -f editors/vscode/scripts/package-vsix.sh ]; then
  bash editors/vscode/scripts/package-vsix.sh linux-x64 "$binary" "$out/assets"
else
  echo "note: editors/vscode/scripts/package-vsix.sh is not in this checkout yet: no VSIX" >&2
fi
cp "$out"/wheels/* "$out"/assets/* "$out/dist/"
bash scripts/ship/checksums.sh "$out/dist"
ls -l "$out/dist"
