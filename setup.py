"""The wheel's build compiles the translations (``.ts`` → ``.qm``) with PySide6's lrelease:
the compiled files are build output, never committed. Everything else is in
pyproject.toml."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        here = Path(__file__).resolve().parent / "podyx_desktop" / "resources"
        spec = importlib.util.spec_from_file_location(
            "translations_build", here / "translations_build.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        target = Path(self.build_lib) / "podyx_desktop" / "resources" / "translations"
        module.compile_translations(here / "translations", target)


setup(cmdclass={"build_py": BuildWithTranslations})
