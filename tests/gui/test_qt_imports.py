"""PySide6's import hook no longer reads the source of every module imported after it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import inspect, sys
    import podyx_desktop.gui.app  # applies podyx_desktop.gui.qt_imports first
    from PySide6.support import feature

    reads = []
    real_getsource = inspect.getsource
    def counting_getsource(obj):
        reads.append(getattr(obj, "__name__", obj))
        return real_getsource(obj)
    inspect.getsource = counting_getsource

    import probe_plain, probe_qt, probe_feature
    print("PLAIN", feature.pyside_feature_dict["probe_plain"])
    print("QT", feature.pyside_feature_dict["probe_qt"])
    print("SNAKE", probe_feature.snake_name())
    print("READS", [name for name in reads if str(name).startswith("probe_")])
    """
)


def test_imported_modules_are_classified_without_reading_their_source(tmp_path: Path) -> None:
    (tmp_path / "probe_plain.py").write_text("import json\nVALUE = json.dumps([1])\n")
    (tmp_path / "probe_qt.py").write_text("from PySide6.QtCore import QObject\nBase = QObject\n")
    (tmp_path / "probe_feature.py").write_text(
        "from __feature__ import snake_case\n"
        "from PySide6.QtCore import QObject\n"
        "def snake_name():\n"
        "    obj = QObject()\n"
        "    obj.set_object_name('renamed')\n"
        "    return obj.object_name()\n"
    )
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(ROOT), str(tmp_path)]),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["PLAIN"] == "-1"  # PySide's own answer for a module that does not use it
    assert lines["QT"] == "0"  # … and for one that does
    assert lines["SNAKE"] == "renamed"  # the opt-in __feature__ still works
    assert lines["READS"] == "[]"  # and no module's source was read to decide
