"""The package stays light to import and never pulls in Qt or the database layers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
import podyx_desktop.documents as documents
print("reportlab" in sys.modules)
from podyx_desktop.documents import render_bundle_statement, render_receipt
from podyx_desktop.documents import render_session_summary, samples
render_receipt(samples.receipt(), samples.studio())
render_session_summary(samples.session_summary())
render_bundle_statement(samples.bundle_statement())
print(sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "sqlalchemy"}))
print(sorted(m for m in sys.modules if m.startswith(("podyx_desktop.db", "podyx_desktop.services"))))
"""


def test_import_is_lazy_and_layers_stay_apart() -> None:
    root = Path(__file__).resolve().parents[2]
    path = [str(root), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            check=True, timeout=120, cwd=root, env=env)
    lazy, foreign, layers = result.stdout.splitlines()
    assert lazy == "False"  # reportlab loads on the first render, not on import
    assert foreign == "[]"
    assert layers == "[]"
