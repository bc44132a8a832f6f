#!/usr/bin/env bash
# Smoke-runs what `make bundle` built, as IT would: the bundle's podyx-admin (version,
# demo, selftest, a PDF export) on a temporary database, its window offscreen for 5 s
# without an error; its podyx-server on that database on a loopback port (health, a demo
# client's sign-in and sync), once more with --workers 2, once over HTTPS; then the .deb installed with
# dpkg -i (podyx-admin selftest, podyx-server --version, the unit and its settings file)
# and purged again. Needs root for dpkg (CI runs as root); SKIP_DEB=1 leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
server=""
installed=0
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# start_server LOG ARGS...: the bundle's podyx-server in the background, in its own
# process group (so that its worker processes can be stopped with it)
start_server() {
  local log=$1; shift
  setsid "$bundle/podyx-server" --database "sqlite:///$db" "$@" >"$log" 2>&1 &
  server=$!
}
# stop_server: SIGTERM (uvicorn stops its workers), up to 10 s, then SIGKILL to the group
stop_server() {
  [ -n "$server" ] || return 0
  kill -TERM "$server" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$server" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}
server_failed() {
  echo "$1; its log:" >&2; cat "$2" >&2; exit 1
}
# no_errors LOG: the server's JSON log lines hold no error and no traceback
no_errors() {
  if grep -E 'Traceback|"level": "(ERROR|CRITICAL)"' "$1"; then
    echo "podyx-server logged an error ($1)" >&2; exit 1
  fi
}
cleanup() {
  stop_server
  if [ "$installed" = 1 ]; then dpkg --purge podyx-desktop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export PODYX_LOG_DIR="$work/logs" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export QT_QPA_PLATFORM=offscreen
unset PODYX_DATABASE_URL
bundle=dist/podyx
db="$work/studio.sqlite3"

echo "== the bundle: $bundle ($(du -sm "$bundle" | cut -f1) MB)"
"$bundle/podyx-admin" --version
"$bundle/podyx-desktop" --version
# what the spec trims (ICU's and babel's data, Qt's translations, Pillow's codecs) still
# answers as the full libraries do: collation, zone names, case, formats, logos
ln -s "$PWD/$bundle/podyx-desktop" "$work/podyx-bundle-check"
"$work/podyx-bundle-check" || { echo "the bundle's podyx-bundle-check failed" >&2; exit 1; }
"$bundle/podyx-admin" demo --database "$db" >/dev/null
"$bundle/podyx-admin" selftest --database "$db"
# a Linux desktop's keyring (a private Secret Service: GNOME Keyring on its own D-Bus) is
# the one the bundle uses, so "Remember me" and database passwords work there
python3 -m tests.secret_service "$bundle/podyx-admin" selftest --database "$db" >"$work/selftest-keyring.txt" || true
if ! grep -q "keyring: keyring.backends.SecretService.Keyring" "$work/selftest-keyring.txt"; then
  echo "the bundle does not use a desktop's Secret Service keyring:" >&2; cat "$work/selftest-keyring.txt" >&2; exit 1
fi
echo "the bundle's keyring on a desktop: the Secret Service"
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

# --- the studio server, on loopback only -------------------------------------------------
# A small HTTP client (Python's standard library only): wait for /health, or sign a demo
# client in and read its records. The demo login is read from the sources, not imported.
cat > "$work/client.py" <<'CLIENT'
import ast, json, os, ssl, sys, time, urllib.error, urllib.request

# HTTPS: trust only the certificate podyx-admin server cert made (SMOKE_CAFILE)
CONTEXT = ssl.create_default_context(cafile=os.environ["SMOKE_CAFILE"]) if os.environ.get("SMOKE_CAFILE") else None

def call(url, body=None, token=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=10, context=CONTEXT) as answer:
        return answer.status, json.loads(answer.read() or b"null")

def demo_login():
    tree = ast.parse(open("podyx_desktop/demo/data.py", encoding="utf-8").read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
    password = ast.literal_eval(found["DEMO_PASSWORD"])
    email = ast.literal_eval(found["CLIENTS"].elts[0].args[1])
    return email, password

command, base = sys.argv[1], sys.argv[2]
if command == "wait":  # /health answers 200 within N seconds
    deadline = time.monotonic() + float(sys.argv[3])
    while True:
        try:
            status, body = call(f"{base}/health")
            if status == 200 and body.get("status") == "ok":
                print(f"GET /health: {status} {json.dumps(body)}")
                break
        except (OSError, urllib.error.URLError, ValueError):
            pass
        if time.monotonic() > deadline:
            sys.exit(f"{base}/health did not answer 200 within {sys.argv[3]} s")
        time.sleep(0.25)
elif command == "health":  # N times in a row
    for _ in range(int(sys.argv[3])):
        status, body = call(f"{base}/health")
        assert status == 200 and body["status"] == "ok", (status, body)
    print(f"GET /health: 200, {sys.argv[3]} times")
elif command == "client":  # sign in as the first demo client, read its records
    email, password = demo_login()
    status, signed_in = call(f"{base}/v1/session", {"email": email, "password": password})
    # the operation's answer: {"value": SignedIn, "changes": …}; the token is the bearer
    token = (signed_in.get("value") or {}).get("token") if isinstance(signed_in, dict) else None
    assert status == 200 and token, (status, signed_in)
    print(f"POST /v1/session as {email}: {status}, a token")
    status, batch = call(f"{base}/v1/sync?cursor=0", token=token)
    assert status == 200 and isinstance(batch.get("rows"), dict), (status, batch)
    rows = sum(len(table) for table in batch["rows"].values())
    print(f"GET /v1/sync?cursor=0: {status}, {rows} rows in {len(batch['rows'])} tables, cursor {batch.get('cursor')}")
CLIENT


echo "== the bundle's podyx-server"
"$bundle/podyx-server" --version
port=$(free_port)
start_server "$work/server.log" --listen "127.0.0.1:$port"
python3 "$work/client.py" wait "http://127.0.0.1:$port" 30 \
  || server_failed "podyx-server did not come up" "$work/server.log"
python3 "$work/client.py" client "http://127.0.0.1:$port" \
  || server_failed "a demo client could not sign in and sync" "$work/server.log"
stop_server
no_errors "$work/server.log"

port=$(free_port)
start_server "$work/server-workers.log" --listen "127.0.0.1:$port" --workers 2
python3 "$work/client.py" wait "http://127.0.0.1:$port" 60 \
  || server_failed "podyx-server --workers 2 did not come up" "$work/server-workers.log"
python3 "$work/client.py" health "http://127.0.0.1:$port" 10 \
  || server_failed "podyx-server --workers 2 failed a health check" "$work/server-workers.log"
python3 "$work/client.py" client "http://127.0.0.1:$port" \
  || server_failed "a demo client could not sign in and sync (--workers 2)" "$work/server-workers.log"
processes=$(grep -c '"Started server process' "$work/server-workers.log" || true)
[ "$processes" -eq 2 ] || server_failed "podyx-server --workers 2 started $processes processes" "$work/server-workers.log"
stop_server
no_errors "$work/server-workers.log"

# HTTPS with a trial certificate from the bundle's podyx-admin (on loopback too)
"$bundle/podyx-admin" server cert --out "$work/tls" --host 127.0.0.1 --host localhost >/dev/null
port=$(free_port)
start_server "$work/server-tls.log" --listen "127.0.0.1:$port" \
  --cert "$work/tls/podyx-server.crt" --key "$work/tls/podyx-server.key"
SMOKE_CAFILE="$work/tls/podyx-server.crt" python3 "$work/client.py" wait "https://127.0.0.1:$port" 30 \
  || server_failed "podyx-server did not serve HTTPS" "$work/server-tls.log"
SMOKE_CAFILE="$work/tls/podyx-server.crt" python3 "$work/client.py" client "https://127.0.0.1:$port" \
  || server_failed "a demo client could not sign in and sync over HTTPS" "$work/server-tls.log"
stop_server
no_errors "$work/server-tls.log"
echo "podyx-server served health, sign-in and sync: alone, with --workers 2, and over HTTPS"

if [ "${SKIP_DEB:-0}" != "1" ]; then
  deb=$(ls -t dist/podyx-desktop_*.deb | head -1)
  echo "== the package: $deb ($(( $(stat -c %s "$deb") / 1024 / 1024 )) MB)"
  installed=1
  dpkg -i "$deb" >/dev/null
  /usr/bin/podyx-admin selftest --database "$db"
  /usr/bin/podyx-server --version
  test -f "/etc/xdg/Podyx/Podyx Desktop.conf"
  test -f /usr/share/applications/podyx-desktop.desktop
  unit=/lib/systemd/system/podyx-server.service
  test -f "$unit"
  grep -q "^ExecStart=/usr/bin/podyx-server " "$unit"
  if command -v systemd-analyze >/dev/null 2>&1; then systemd-analyze verify "$unit"; fi
  getent passwd podyx >/dev/null || { echo "the .deb did not create the account podyx" >&2; exit 1; }
  [ "$(stat -c '%U:%G %a' /etc/podyx/server.env)" = "root:podyx 640" ] \
    || { echo "/etc/podyx/server.env is $(stat -c '%U:%G %a' /etc/podyx/server.env), not root:podyx 640" >&2; exit 1; }
  if [ -d /run/systemd/system ] && systemctl is-enabled --quiet podyx-server 2>/dev/null; then
    echo "the .deb enabled podyx-server; IT enables it" >&2; exit 1
  fi
  echo "installed: $unit (not enabled), /etc/podyx/server.env root:podyx 640, account podyx"
  dpkg -r podyx-desktop >/dev/null
  dpkg --purge podyx-desktop >/dev/null
  installed=0
  test ! -e /usr/bin/podyx-server && test ! -e "$unit" && test ! -e /etc/podyx/server.env
  echo "installed, self-tested, removed and purged (the account podyx stays, by design)"
fi
echo "smoke: OK"
