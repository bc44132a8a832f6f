#!/usr/bin/env bash
# Regenerates installer/constraints.txt: the exact versions the bundle is built with.
# Installs the app's runtime dependencies and PyInstaller into a throw-away virtual
# environment and writes what pip resolved. Run on the build platform (Linux here).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check . pyinstaller
{
  echo "# Pinned versions for the installer builds (Linux, CPython 3.11): \`pip install -c installer/constraints.txt\`."
  echo "# Regenerate with installer/update-constraints.sh after changing pyproject.toml's dependencies."
  "$work/venv/bin/pip" freeze --exclude podyx-desktop
} > installer/constraints.txt
echo "installer/constraints.txt updated."
