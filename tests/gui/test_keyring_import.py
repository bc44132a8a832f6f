"""Keyring imported without the modules it never uses (gui/keyring_import.py): the
stand-ins answer as the real modules as soon as something uses them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
from podyx_desktop.gui.keyring_import import DEFERRED, Deferred, import_keyring

before = {name for name in DEFERRED if name in sys.modules}
keyring = import_keyring()
stood_in = sorted(n for n in DEFERRED if isinstance(sys.modules.get(n), Deferred))
print("STOOD_IN", ",".join(stood_in))
assert "urllib.request" in stood_in and "subprocess" in stood_in, (before, stood_in)

# keyring works, with a backend set by its own environment switch
keyring.set_password("podyx-test", "someone", "s3cret")
assert keyring.get_password("podyx-test", "someone") == "s3cret"

# code that uses a stood-in module gets the real one
import urllib.request
request = urllib.request.Request("https://studio.example/health")
assert request.host == "studio.example"
assert not isinstance(sys.modules["urllib.request"], Deferred)
assert urllib.request is sys.modules["urllib.request"]

import subprocess
done = subprocess.run([sys.executable, "-c", "print('child')"], capture_output=True, text=True)
assert done.stdout.strip() == "child"
assert not isinstance(sys.modules["subprocess"], Deferred)

from subprocess import PIPE  # a from-import of a name reaches the real module too
assert PIPE == -1

from keyring.compat.py312 import metadata  # keyring's plugin search, when it needs it
assert any(point.name == "chainer" for point in metadata.entry_points(group="keyring.backends"))
print("OK")
"""


def test_keyring_imports_without_unused_modules_and_they_still_work(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "bench.keyring_backend.MemoryKeyring",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "OK" in done.stdout
