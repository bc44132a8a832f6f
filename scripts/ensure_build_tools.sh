#!/usr/bin/env bash
# The tools `make bundle` needs beside Python: dpkg-deb and fakeroot for the .deb,
# makensis (NSIS) to check the Windows installer script, zstd for the .deb's payload,
# ICU's icupkg and gcc to make the bundle's smaller ICU data library
# (installer/icu_data.py), objdump (binutils, with gcc) for the .deb's libc6 version.
set -euo pipefail
missing=()
command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v makensis >/dev/null || missing+=(nsis)
command -v zstd >/dev/null || missing+=(zstd)
command -v icupkg >/dev/null || missing+=(icu-devtools)
command -v gcc >/dev/null || missing+=(gcc)
command -v objdump >/dev/null || missing+=(binutils)
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
