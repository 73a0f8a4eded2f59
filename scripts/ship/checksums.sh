#!/usr/bin/env bash
# Writes DIR/SHA256SUMS: the SHA-256 of every other file in DIR, in the format
# `sha256sum --check SHA256SUMS` reads. The release workflow runs it on the files it
# attaches to the release.
#
#   scripts/ship/checksums.sh DIR
set -euo pipefail
cd "${1:?usage: checksums.sh DIR}"
sums=$(find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort | xargs -d '\n' sha256sum)
printf '%s\n' "$sums" >SHA256SUMS
sha256sum --check --quiet SHA256SUMS
cat SHA256SUMS
