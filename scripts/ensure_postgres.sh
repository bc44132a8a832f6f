#!/usr/bin/env bash
# Make sure the system tools the test suite needs are installed:
#   - PostgreSQL server binaries (initdb, pg_ctl) for tests/pg_cluster.py,
#     and the 'postgres' system user that runs them when the tests run as root;
#   - pdftoppm / pdftotext (poppler-utils) for checking generated PDFs;
#   - xvfb-run (xvfb, xauth) and the libraries Qt's xcb/offscreen platforms load;
#   - dbus-daemon, dbus-send and gnome-keyring-daemon for a private Secret Service
#     (tests/secret_service.py: the keyring tests and bench/startup.py).
# Installs only what is missing, from Debian's packages, with at most one
# 'apt-get update', and only when running as root; otherwise it prints what to
# install (and exits 0: the tests then report what they cannot do).
# Prints nothing when everything is present.
set -euo pipefail

missing=()
lean=()  # installed without their recommendations (GNOME Keyring's would add PAM modules)

have_postgres_server() {
    if command -v initdb >/dev/null 2>&1; then
        local dir
        dir="$(dirname "$(readlink -f "$(command -v initdb)")")"
        [ -x "$dir/pg_ctl" ] && return 0
    fi
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && return 0
    done
    return 1
}

have_commands() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null 2>&1 || return 1
    done
}

# Sonames the dynamic linker knows, one per line.
known_libraries="$( { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true; } |
    awk 'NR > 1 { print $1 }')"
have_library() {
    grep -q -x -F "$1" <<<"$known_libraries"
}

have_postgres_server || missing+=(postgresql)
have_commands pdftoppm pdftotext || missing+=(poppler-utils)
have_commands xvfb-run || missing+=(xvfb)
have_commands xauth || missing+=(xauth)
# a private Secret Service (tests/secret_service.py): the desktop keyring of Linux
have_commands dbus-daemon || lean+=(dbus-daemon)
have_commands dbus-send || lean+=(dbus-bin)
have_commands gnome-keyring-daemon || lean+=(gnome-keyring)
# a TrueType font covering CJK, the PDFs' fallback for names outside DejaVu
ls /usr/share/fonts/truetype/droid/DroidSansFallback*.ttf >/dev/null 2>&1 || missing+=(fonts-droid-fallback)

# Debian package -> the shared library it provides that Qt loads.
libraries=(
    "libxcb-icccm4 libxcb-icccm.so.4"
    "libxcb-keysyms1 libxcb-keysyms.so.1"
    "libxkbcommon-x11-0 libxkbcommon-x11.so.0"
    "libxcb-cursor0 libxcb-cursor.so.0"
    "libegl1 libEGL.so.1"
    "libgl1 libGL.so.1"
    "libfontconfig1 libfontconfig.so.1"
    "libdbus-1-3 libdbus-1.so.3"
    "libxcb-image0 libxcb-image.so.0"
    "libxcb-randr0 libxcb-randr.so.0"
    "libxcb-render-util0 libxcb-render-util.so.0"
    "libxcb-shape0 libxcb-shape.so.0"
    "libxcb-xfixes0 libxcb-xfixes.so.0"
    "libxcb-xkb1 libxcb-xkb.so.1"
    "libx11-xcb1 libX11-xcb.so.1"
)
for entry in "${libraries[@]}"; do
    read -r package soname <<<"$entry"
    have_library "$soname" || missing+=("$package")
done

need_postgres_user=0
if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    need_postgres_user=1
fi

if [ "${#missing[@]}" -eq 0 ] && [ "${#lean[@]}" -eq 0 ] && [ "$need_postgres_user" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    # Not root: say what is missing and let the tests report what they cannot do.
    all=("${missing[@]}" "${lean[@]}")
    echo "ensure_postgres.sh: not root, so not installing; missing: ${all[*]:-nothing}" >&2
    [ "${#all[@]}" -gt 0 ] && echo "  install with: sudo apt-get install ${all[*]}" >&2
    exit 0
fi

if [ "${#missing[@]}" -gt 0 ] || [ "${#lean[@]}" -gt 0 ]; then
    echo "ensure_postgres.sh: installing ${missing[*]} ${lean[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    if [ "${#missing[@]}" -gt 0 ]; then
        apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    if [ "${#lean[@]}" -gt 0 ]; then
        apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
    fi
fi

# Debian's postgresql package creates this user; make sure it exists regardless,
# since tests/pg_cluster.py runs initdb/pg_ctl as 'postgres' when we are root.
if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

if ! have_postgres_server; then
    echo "ensure_postgres.sh: PostgreSQL server binaries still not found after installing" >&2
    exit 1
fi
