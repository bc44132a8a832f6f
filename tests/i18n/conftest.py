"""A German window for the i18n tests: a translation source compiled with the real
lrelease, installed with QTranslator and the domain's hooks, and taken out after."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from podyx_desktop.gui.translation import install_hooks, remove_hooks
from podyx_desktop.resources.translations_build import lrelease


@pytest.fixture
def translate_with(qapp: QCoreApplication, tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """``translate_with(ts)``: the window speaks German from the source ``ts``."""
    installed: list[QTranslator] = []

    def install(ts: Path) -> None:
        qm = tmp_path / f"{ts.stem}.qm"
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        translator = QTranslator()
        assert translator.load(str(qm))
        qapp.installTranslator(translator)
        installed.append(translator)
        install_hooks("de")

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
    remove_hooks()
