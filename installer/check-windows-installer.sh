#!/usr/bin/env bash
# Proves installer/windows/podyx.nsi compiles: makensis (NSIS runs on Linux too) against
# a placeholder payload of the bundle's layout. The real installer is built on Windows
# over the real bundle (installer/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v makensis >/dev/null || { echo "makensis is missing: apt-get install nsis" >&2; exit 1; }
payload=build/nsis-placeholder
rm -rf "$payload" && mkdir -p "$payload/_internal"
printf 'placeholder\n' > "$payload/podyx-desktop.exe"
printf 'placeholder\n' > "$payload/podyx-admin.exe"
printf 'placeholder\n' > "$payload/podyx-server.exe"
printf 'placeholder\n' > "$payload/_internal/base_library.zip"
makensis -V2 -DPAYLOAD="$PWD/$payload" -DVERSION=0.1.0 \
  -DOUTFILE="$PWD/build/PodyxDesktopSetup-placeholder.exe" installer/windows/podyx.nsi
echo "NSIS script compiles: build/PodyxDesktopSetup-placeholder.exe ($(stat -c %s build/PodyxDesktopSetup-placeholder.exe) bytes)"
