#!/usr/bin/env bash
# Packages the VS Code extension for one platform with the copydesk program inside it, as
# rust-analyzer and ruff ship theirs: one .vsix per platform (`vsce package --target`), the
# server at server/copydesk (server/copydesk.exe on Windows) in the extension, which the
# extension runs when the copydesk.path setting is empty.
#
#   editors/vscode/scripts/package-vsix.sh TARGET BINARY OUTDIR
#
#   TARGET   a vsce target: linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64, …;
#            or `universal` (then BINARY is `-`): no server inside, copydesk from PATH
#   BINARY   the copydesk executable built for TARGET
#   OUTDIR   where the .vsix goes: OUTDIR/copydesk-TARGET-VERSION.vsix (its path is the
#            last line printed)
#
# The packaged copy of the program is stripped of debug information where `strip` can;
# BINARY itself is left as it is.
#
# Needs Node 20+ and npm; runs `npm ci` when node_modules is missing. The release workflow
# calls it once per platform; `npm run package` is the universal package for development.
set -euo pipefail

usage() { echo "usage: $0 TARGET BINARY OUTDIR   (e.g. $0 linux-x64 target/release/copydesk dist)" >&2; exit 2; }
fail() { echo "package-vsix: $*" >&2; exit 1; }
[ $# -eq 3 ] || usage
target="$1" binary="$2" outdir="$3"

case "$target" in
  universal) ;;
  win32-x64 | win32-arm64 | linux-x64 | linux-arm64 | linux-armhf | darwin-x64 | darwin-arm64 | alpine-x64 | alpine-arm64) ;;
  *) fail "unknown target '$target': one of linux-x64, linux-arm64, linux-armhf, alpine-x64, alpine-arm64, darwin-x64, darwin-arm64, win32-x64, win32-arm64, universal" ;;
esac
if [ "$target" != universal ]; then
  [ -f "$binary" ] || fail "no copydesk binary at '$binary' (build it for $target first)"
  # A binary for another platform would install fine and then fail to start: check its
  # format where `file` is available (Linux and macOS runners have it).
  if command -v file >/dev/null 2>&1; then
    description="$(file -b "$binary")"
    case "$target" in
      linux-x64 | alpine-x64) expected='ELF 64-bit.*x86-64' ;;
      linux-arm64 | alpine-arm64) expected='ELF 64-bit.*(aarch64|ARM aarch64)' ;;
      linux-armhf) expected='ELF 32-bit.*ARM' ;;
      darwin-x64) expected='Mach-O.*x86_64' ;;
      darwin-arm64) expected='Mach-O.*arm64' ;;
      win32-x64) expected='PE32\+.*x86-64' ;;
      win32-arm64) expected='PE32\+.*Aarch64' ;;
    esac
    echo "$description" | grep -Eq "$expected" || fail "'$binary' is not a $target program: $description"
  fi
fi

extension="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
version="$(node -p 'require(process.argv[1]).version' "$extension/package.json")"
vsix="$outdir/copydesk-$target-$version.vsix"

cd "$extension"
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
# The server folder exists only while packaging, so that no other package picks it up.
rm -rf server
trap 'rm -rf "$extension/server"' EXIT
args=(--no-dependencies --out "$vsix"
  --baseContentUrl https://github.com/copydesk/copydesk/blob/HEAD/editors/vscode
  --baseImagesUrl https://github.com/copydesk/copydesk/raw/HEAD/editors/vscode)
if [ "$target" != universal ]; then
  mkdir server
  case "$target" in
    win32-*) cp "$binary" server/copydesk.exe ;;
    *)
      cp "$binary" server/copydesk && chmod 755 server/copydesk
      # The packaged copy without its debug information (the release profile keeps line
      # tables: 65 MB against 12 MB stripped). The strip of the platform that runs this
      # script may not read another platform's format; then the copy stays as it is.
      if command -v strip >/dev/null 2>&1 && ! strip server/copydesk 2>/dev/null; then
        echo "package-vsix: could not strip server/copydesk for $target here; packaged as it is" >&2
      fi
      ;;
  esac
  args+=(--target "$target")
fi
node scripts/license.mjs
npx --no-install vsce package "${args[@]}" >&2
[ -f "$vsix" ] || fail "vsce made no $vsix"
echo "$vsix"
