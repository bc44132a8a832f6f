#!/usr/bin/env bash
# Smoke-runs what `make bundle` built, as IT would: the bundle's podyx-admin (version,
# demo, selftest, a PDF export) on a temporary database, its window offscreen for 5 s
# without an error; then the .deb installed with dpkg -i, its podyx-admin selftest, and
# removed again. Needs root for dpkg (CI runs as root); SKIP_DEB=1 leaves the .deb out.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PODYX_LOG_DIR="$work/logs" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export QT_QPA_PLATFORM=offscreen
unset PODYX_DATABASE_URL
bundle=dist/podyx
db="$work/studio.sqlite3"

echo "== the bundle: $bundle ($(du -sm "$bundle" | cut -f1) MB)"
"$bundle/podyx-admin" --version
"$bundle/podyx-desktop" --version
"$bundle/podyx-admin" demo --database "$db" >/dev/null
"$bundle/podyx-admin" selftest --database "$db"
"$bundle/podyx-admin" export receipts --database "$db" --from 2020-01-01 --to 2030-12-31 "$work/receipts" >/dev/null
pdfs=$(find "$work/receipts" -name '*.pdf' | wc -l)
[ "$pdfs" -gt 0 ] || { echo "the bundle exported no receipt PDF" >&2; exit 1; }
echo "exported $pdfs receipt PDFs"

"$bundle/podyx-desktop" --database "$db" 2>"$work/window.err" &
window=$!
sleep 5
if ! kill -0 "$window" 2>/dev/null; then
  echo "the bundle's window ended within 5 s:" >&2; cat "$work/window.err" >&2; exit 1
fi
kill "$window"; wait "$window" 2>/dev/null || true
if grep -E "Traceback|ERROR|CRITICAL" "$work/window.err" "$PODYX_LOG_DIR/podyx-desktop.log"; then
  echo "the bundle's window logged an error" >&2; exit 1
fi
echo "the window ran 5 s offscreen without an error"

if [ "${SKIP_DEB:-0}" != "1" ]; then
  deb=$(ls -t dist/podyx-desktop_*.deb | head -1)
  echo "== the package: $deb ($(( $(stat -c %s "$deb") / 1024 / 1024 )) MB)"
  dpkg -i "$deb" >/dev/null
  /usr/bin/podyx-admin selftest --database "$db"
  test -f "/etc/xdg/Podyx/Podyx Desktop.conf"
  test -f /usr/share/applications/podyx-desktop.desktop
  dpkg -r podyx-desktop >/dev/null
  echo "installed, self-tested and removed"
fi
echo "smoke: OK"
