"""The package's own files (``podyx_desktop.resources.path``): next to the package in an
installed wheel, a bundle or the repository; unpacked from the archive when the package
is imported from a zip file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from podyx_desktop import resources

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "podyx_desktop"


def test_a_resource_is_the_file_next_to_the_package() -> None:
    found = resources.path("styles", "app.qss")
    assert found == PACKAGE / "resources" / "styles" / "app.qss"
    assert found.is_file()


def test_from_a_zipped_package_a_resource_is_unpacked_to_a_real_file(tmp_path: Path) -> None:
    archive = tmp_path / "podyx.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for name in ("__init__.py", "resources/__init__.py", "resources/styles/app.qss"):
            zipped.write(PACKAGE / name, f"podyx_desktop/{name}")
    probe = (
        "import sys\n"
        "from podyx_desktop import resources\n"
        "found = resources.path('styles', 'app.qss')\n"
        "assert 'podyx.zip' in resources.__file__, resources.__file__\n"
        "print(found.is_file(), 'podyx.zip' not in str(found))\n"
        "sys.stdout.write(found.read_text(encoding='utf-8'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(archive), "PYTHONNOUSERSITE": "1"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    first, _, text = done.stdout.partition("\n")
    assert first == "True True"
    assert text == (PACKAGE / "resources" / "styles" / "app.qss").read_text(encoding="utf-8")
