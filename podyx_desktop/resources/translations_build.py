"""Compile the translation sources (``translations/*.ts``) into the ``.qm`` files the window
loads, with Qt's ``lrelease`` from the installed PySide6. Used by the wheel's build
(``setup.py``), ``make venv`` and the bundle (``scripts/translations.py compile``); the
``.qm`` files are build output and never committed. Qt-free at import: it only runs a tool.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent / "translations"


def lrelease() -> list[str]:
    """The command that runs PySide6's lrelease with this interpreter."""
    if importlib.util.find_spec("PySide6") is None:
        raise SystemExit(
            "Compiling the translations needs PySide6 (its lrelease): install "
            "PySide6-Essentials into the environment that builds Podyx."
        )
    code = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"
    return [sys.executable, "-c", code]


def compile_translations(sources: Path = SOURCES, target: Path | None = None) -> list[Path]:
    """``sources/podyx_<lang>.ts`` → ``target/podyx_<lang>.qm`` (``target``: beside them)."""
    target = target or sources
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(sources.glob("podyx_*.ts")):
        qm = target / (ts.stem + ".qm")
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


if __name__ == "__main__":
    for path in compile_translations():
        print(path)
