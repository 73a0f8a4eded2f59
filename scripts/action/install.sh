#!/usr/bin/env bash
# The action's install step: puts `copydesk` on PATH for the steps after it.
#
# INPUT_VERSION (the action's `version` input):
#   ""          the version of this checkout of the action (its Cargo.toml), so that
#               `uses: copydesk/copydesk@v0.1.0` runs copydesk 0.1.0;
#   "latest"    the newest release on PyPI;
#   "X.Y.Z"     that release;
#   "installed" the copydesk already on PATH (installed by an earlier step).
# Releases come from PyPI (`pip install copydesk==X.Y.Z`, the wheel with the binary inside)
# into a venv under RUNNER_TEMP; pip's own settings (PIP_INDEX_URL, PIP_FIND_LINKS, …) apply.
set -euo pipefail
action_root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${INPUT_VERSION:-}"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set (this script runs in a GitHub Actions job)}"
: "${GITHUB_PATH:?GITHUB_PATH is not set (this script runs in a GitHub Actions job)}"

if [ "$version" = installed ]; then
  if ! command -v copydesk >/dev/null 2>&1; then
    echo "::error title=copydesk::version: installed, but there is no copydesk on PATH; install it in an earlier step or give a version"
    exit 1
  fi
  copydesk --version
  exit 0
fi
if [ -z "$version" ]; then
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$action_root/Cargo.toml" | head -n 1)
fi
case "$version" in
  latest) requirement=copydesk ;;
  [0-9]*.[0-9]*.[0-9]*) requirement="copydesk==$version" ;;
  *)
    echo "::error title=copydesk::version '$version' is not a release (X.Y.Z), 'latest' or 'installed'"
    exit 1
    ;;
esac

# On Windows runners `python3` may be the Store's stand-in; `python` is the real one.
if [ "${RUNNER_OS:-}" = Windows ]; then
  python=$(command -v python || true)
else
  python=$(command -v python3 || command -v python || true)
fi
if [ -z "$python" ]; then
  echo "::error title=copydesk::no Python on this runner to install the copydesk wheel with; add actions/setup-python before this action, or install copydesk yourself and set version: installed"
  exit 1
fi
venv="$RUNNER_TEMP/copydesk-venv"
"$python" -m venv "$venv"
bin="$venv/bin"
[ -d "$bin" ] || bin="$venv/Scripts" # Windows
"$bin/python" -m pip install --quiet --disable-pip-version-check "$requirement"
echo "$bin" >>"$GITHUB_PATH"
"$bin/copydesk" --version
