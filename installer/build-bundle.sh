#!/usr/bin/env bash
# Builds the one-folder bundle dist/podyx/ (podyx-desktop, podyx-admin and podyx-server
# over one _internal/ folder) with PyInstaller, from a build virtual environment pinned by
# installer/constraints.txt. Prints the bundle's size and the time the build took.
#
#   installer/build-bundle.sh            (or: make bundle, which also builds the .deb)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
venv=build/bundle-venv
if [ ! -x "$venv/bin/pyinstaller" ] || [ installer/constraints.txt -nt "$venv/.installed" ] \
   || [ pyproject.toml -nt "$venv/.installed" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -c installer/constraints.txt pyinstaller
  touch "$venv/.installed"
fi
# the app itself, not editable, so the bundle takes the installed package and its data
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall \
  -c installer/constraints.txt .
"$venv/bin/pip" install --quiet --disable-pip-version-check -c installer/constraints.txt .
rm -rf dist/podyx
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/podyx.spec
find dist/podyx -name "__pycache__" -type d -prune -exec rm -rf {} +
find dist/podyx -xtype l -delete  # links PyInstaller made to libraries the spec left out
# one program; it reads the name it was started by (installer/entry.py)
ln -sf podyx-desktop dist/podyx/podyx-admin
ln -sf podyx-desktop dist/podyx/podyx-server
# every library a bundled one links is in the bundle or on this machine (the spec drops
# some; installer/README.md says which the .deb's dependencies bring). Qt's Wayland
# platform takes libwayland-cursor and -egl from the desktop (the .deb recommends them;
# without them Qt starts on X11, through XWayland on a Wayland desktop).
missing=$(find dist/podyx -type f \( -name "*.so*" -o -name podyx-desktop \) -print0 \
  | LD_LIBRARY_PATH=dist/podyx/_internal xargs -0 ldd 2>/dev/null | grep "not found" \
  | grep -v -e "libwayland-cursor.so.0 " -e "libwayland-egl.so.1 " | sort -u || true)
if [ -n "$missing" ]; then
  echo "build-bundle.sh: libraries the bundle links but neither carries nor finds:" >&2
  echo "$missing" >&2
  exit 1
fi
size=$(du -sm dist/podyx | cut -f1)
verdict=PASS; [ "$size" -le 120 ] || verdict=FAIL
echo "bundle: dist/podyx, ${size} MB on disk (goal ≤ 120 MB: ${verdict}), built in $(( $(date +%s) - started )) s"
echo "  largest parts: $(du -sm dist/podyx/_internal/* | sort -rn | head -6 | awk '{printf "%s %s MB; ", $2, $1}' | sed 's#dist/podyx/_internal/##g')"
[ "$verdict" = PASS ]
