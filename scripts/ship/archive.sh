#!/usr/bin/env bash
# Packs one target's binary for the release: copydesk-TARGET.tar.gz (copydesk-TARGET.zip
# for Windows) holding the binary, README.md and the licences. The release workflow runs it
# after building each target; scripts/ship/release-local.sh runs it here.
#
#   scripts/ship/archive.sh TARGET BINARY OUTDIR
set -euo pipefail
target="${1:?usage: archive.sh TARGET BINARY OUTDIR}"
binary="${2:?usage: archive.sh TARGET BINARY OUTDIR}"
out="${3:?usage: archive.sh TARGET BINARY OUTDIR}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$binary" ] || { echo "archive.sh: no binary at $binary; build it first" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
name="copydesk-$target"
mkdir "$stage/$name"
cp "$binary" "$root/README.md" "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$stage/$name/"
case "$binary" in
  *.exe) (cd "$stage" && 7z a -tzip -bso0 "$out/$name.zip" "$name") && echo "$out/$name.zip" ;;
  *) tar -C "$stage" -czf "$out/$name.tar.gz" "$name" && echo "$out/$name.tar.gz" ;;
esac
