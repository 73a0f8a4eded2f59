#!/usr/bin/env bash
# The Emacs end-to-end test: Eglot in batch Emacs, with editors/emacs/copydesk.el and the
# copydesk binary built from this checkout. It opens a Markdown and a plain-text draft,
# waits for copydesk's Flymake diagnostics, applies the respelling quick fix and checks the
# text. A few seconds once Emacs is installed.
#
#   editors/emacs/test.sh
#
# Needs Emacs 29 or newer (Eglot is built in). On Debian 12, Emacs 30 comes from
# bookworm-backports:
#   echo 'deb http://deb.debian.org/debian bookworm-backports main' >/etc/apt/sources.list.d/backports.list
#   apt-get update && apt-get install -y -t bookworm-backports --no-install-recommends emacs-nox
#
# COPYDESK_BIN picks the binary (default: cargo build --release); EMACS the Emacs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
emacs="${EMACS:-emacs}"

command -v "$emacs" >/dev/null || { echo "emacs test: no Emacs (see the comment at the top of $0)" >&2; exit 1; }
major="$("$emacs" --batch --eval '(princ emacs-major-version)')"
[ "$major" -ge 29 ] || { echo "emacs test: Emacs $major has no built-in Eglot; it needs 29 or newer" >&2; exit 1; }

if [ -z "${COPYDESK_BIN:-}" ]; then
  (cd "$repo" && cargo build --release --quiet)
  COPYDESK_BIN="${CARGO_TARGET_DIR:-$repo/target}/release/copydesk"
fi
scratch="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-emacs.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/drafts"

started=$(date +%s)
HOME="$scratch/home" COPYDESK_BIN="$COPYDESK_BIN" COPYDESK_TEST_DIR="$scratch/drafts" \
  timeout 180 "$emacs" --batch -Q -l "$here/copydesk.el" -l "$here/test/copydesk-test.el"
echo "emacs test: Emacs $major, $(( $(date +%s) - started )) s" >&2
