#!/usr/bin/env bash
# The tools `make bundle` needs beside Python: dpkg-deb and fakeroot for the .deb,
# makensis (NSIS) to check the Windows installer script, zstd for the .deb's payload.
set -euo pipefail
missing=()
command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v makensis >/dev/null || missing+=(nsis)
command -v zstd >/dev/null || missing+=(zstd)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure_build_tools.sh: missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "ensure_build_tools.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
