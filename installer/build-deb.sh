#!/usr/bin/env bash
# Builds dist/podyx-desktop_VERSION_ARCH.deb from the bundle dist/podyx/ (run
# installer/build-bundle.sh first; `make bundle` runs both):
#   /opt/podyx/                           the bundle
#   /usr/bin/podyx-desktop, podyx-admin, podyx-server   links into it
#   /usr/share/applications/…desktop      the menu entry, and its icon
#   /etc/xdg/Podyx/Podyx Desktop.conf     machine settings (a conffile: kept on upgrade)
#   /lib/systemd/system/podyx-server.service   the studio server's unit (not enabled)
#   /etc/podyx/server.env                 its settings (a conffile; postinst makes it
#                                         root:podyx 0640 and creates the user podyx)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/podyx/podyx-desktop ] || { echo "No bundle in dist/podyx: run installer/build-bundle.sh first." >&2; exit 1; }
version=$(python3 -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
arch=$(dpkg --print-architecture)
root=build/deb/root
rm -rf build/deb && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" \
  "$root/usr/share/applications" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/doc/podyx-desktop" "$root/etc/xdg/Podyx" "$root/lib/systemd/system" \
  "$root/etc/podyx"
cp -a dist/podyx "$root/opt/podyx"
ln -s /opt/podyx/podyx-desktop "$root/usr/bin/podyx-desktop"
ln -s /opt/podyx/podyx-admin "$root/usr/bin/podyx-admin"
[ -L dist/podyx/podyx-server ] || [ -x dist/podyx/podyx-server ] \
  || { echo "No podyx-server in dist/podyx: rebuild the bundle." >&2; exit 1; }
ln -s /opt/podyx/podyx-server "$root/usr/bin/podyx-server"
install -m 644 installer/linux/podyx-desktop.desktop "$root/usr/share/applications/"
install -m 644 podyx_desktop/resources/icons/podyx-desktop.svg "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 644 installer/linux/machine-settings.conf "$root/etc/xdg/Podyx/Podyx Desktop.conf"
install -m 644 installer/linux/podyx-server.service "$root/lib/systemd/system/"
install -m 640 installer/linux/server.env "$root/etc/podyx/server.env"
install -m 644 docs/configuration.md docs/server.md installer/README.md "$root/usr/share/doc/podyx-desktop/"
install -m 755 installer/linux/postinst installer/linux/prerm installer/linux/postrm "$root/DEBIAN/"
printf '%s\n' "/etc/xdg/Podyx/Podyx Desktop.conf" /etc/podyx/server.env > "$root/DEBIAN/conffiles"
size=$(du -sk "$root" | cut -f1)
# The libraries the bundle takes from the system (podyx.spec, FROM_SYSTEM): each must
# belong to a package these dependencies bring, directly or through theirs, or a fresh
# system would install the .deb without it. libpq5 is loaded by psycopg itself; libc6
# at least as new as the newest GLIBC_ symbol version the bundle asks for.
glibc=$(find dist/podyx -type f \( -name "*.so*" -o -name podyx-desktop \) -exec objdump -T {} + 2>/dev/null \
  | grep -o "GLIBC_[0-9.]*" | sed 's/GLIBC_//' | sort -uV | tail -1)
depends="adduser, libc6 (>= $glibc), libpq5, libegl1, libgl1, libfontconfig1, libxkbcommon-x11-0, libxcb-cursor0, libdbus-1-3, libstdc++6, libsqlite3-0"
# Qt's Wayland platform links these; a Wayland session has them, and apt installs
# recommendations by default. The check below accepts them where this machine has them.
recommends="libwayland-cursor0, libwayland-egl1"
if command -v apt-cache >/dev/null && apt-cache show libc6 >/dev/null 2>&1; then
  # shellcheck disable=SC2046
  brought=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
      --no-breaks --no-replaces --no-enhances $(echo "$depends" | sed 's/([^)]*)//g; s/,/ /g') \
    | grep -v "^ " | tr -d '<>' | sort -u)
  brought+=$'\n'"$(echo "$recommends" | tr -d ' ' | tr ',' '\n')"
  unbrought=""
  while read -r library; do
    [ -n "$library" ] || continue
    owners=$(dpkg -S "*/$(basename "$library")" 2>/dev/null | cut -d: -f1 | sort -u)
    if [ -z "$owners" ] || ! grep -qxF -f <(printf '%s\n' $owners) <<<"$brought"; then
      unbrought+="  $library (${owners:-no package})"$'\n'
    fi
  done < <(find dist/podyx -type f \( -name "*.so*" -o -name podyx-desktop \) -print0 \
    | LD_LIBRARY_PATH=dist/podyx/_internal xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "/dist/podyx/" | sort -u)
  if [ -n "$unbrought" ]; then
    echo "build-deb.sh: the bundle takes these from the system, but no dependency brings them:" >&2
    printf '%s' "$unbrought" >&2
    exit 1
  fi
else
  echo "build-deb.sh: no apt cache here; the dependencies are not checked against the bundle" >&2
fi
cat > "$root/DEBIAN/control" <<CONTROL
Package: podyx-desktop
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Maintainer: Podyx <it@podyx.invalid>
Installed-Size: $size
Depends: $depends
Recommends: $recommends
Description: Podyx Desktop: a recording studio's desk and its clients' profile
 The desktop app of Podyx: clients manage their bookings, bundles, purchases and
 receipts; the studio runs its schedule, clients and payments. Works on a local
 SQLite file or on the studio's shared PostgreSQL server (podyx-admin sets it up).
 Also the studio server for clients at home, podyx-server, with a systemd unit
 that IT enables after naming the database in /etc/podyx/server.env.
CONTROL
out="dist/podyx-desktop_${version}_${arch}.deb"
fakeroot dpkg-deb --build --root-owner-group -Zzstd "$root" "$out" >/dev/null
echo "deb: $out, $(( $(stat -c %s "$out") / 1024 / 1024 )) MB ($(( size / 1024 )) MB installed)"
