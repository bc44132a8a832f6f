"""The installer's files agree with the program they install, without building anything
(``make bundle`` and ``make smoke`` build and run them for real): the systemd unit runs
``/usr/bin/podyx-server`` with options its command line has, the bundle's entry script
starts each program by the name it was started by, the spec's hidden imports exist, and
the .deb ships the server's settings file as a conffile with nothing switched on."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import shlex
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from podyx_desktop import __version__
from podyx_desktop.server import cli

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(INSTALLER / "linux" / "podyx-server.service", encoding="utf-8")
    return parser


def test_the_unit_runs_the_installed_program_with_options_it_has() -> None:
    command = shlex.split(unit()["Service"]["ExecStart"])
    assert command[0] == "/usr/bin/podyx-server"
    args = cli.parse_args(command[1:])  # an unknown option would exit here
    assert cli.split_listen(args.listen)[0] == "127.0.0.1"
    assert args.trust_proxy == "127.0.0.1"


def test_the_unit_reads_the_settings_file_the_package_ships() -> None:
    service = unit()["Service"]
    assert service["EnvironmentFile"] == "/etc/podyx/server.env"
    assert service["User"] == "podyx"
    build_deb = (INSTALLER / "build-deb.sh").read_text(encoding="utf-8")
    assert "/etc/podyx/server.env" in build_deb
    assert "lib/systemd/system" in build_deb
    assert 'ln -s /opt/podyx/podyx-server "$root/usr/bin/podyx-server"' in build_deb


def test_the_settings_file_switches_nothing_on() -> None:
    lines = (INSTALLER / "linux" / "server.env").read_text(encoding="utf-8").splitlines()
    active = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert active == []
    assert any(line.startswith("#PODYX_DATABASE_URL=") for line in lines)


def test_postinst_neither_enables_nor_starts_the_server() -> None:
    postinst = (INSTALLER / "linux" / "postinst").read_text(encoding="utf-8")
    assert "systemctl enable" not in postinst
    assert "systemctl start" not in postinst and "systemctl restart" not in postinst
    assert "getent passwd podyx" in postinst  # the account only if absent


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("podyx-server", f"podyx-server {__version__}"),
        ("podyx-admin", f"podyx-admin {__version__}"),
        ("podyx-desktop", f"podyx-desktop {__version__}"),
    ],
)
def test_the_entry_script_starts_the_program_named(
    tmp_path: Path, name: str, expected: str
) -> None:
    program = tmp_path / name  # as the bundle's links are: the entry script by that name
    program.symlink_to(INSTALLER / "entry.py")
    done = subprocess.run(
        [sys.executable, str(program), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_the_entry_script_calls_freeze_support_before_anything_else() -> None:
    tree = ast.parse((INSTALLER / "entry.py").read_text(encoding="utf-8"))
    calls = [
        node
        for node in tree.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
    ]
    assert ast.unparse(calls[0]) == "multiprocessing.freeze_support()"
    first_dispatch = next(n for n in tree.body if isinstance(n, ast.If))
    assert calls[0].lineno < first_dispatch.lineno


def test_the_spec_hidden_imports_exist() -> None:
    spec = (INSTALLER / "podyx.spec").read_text(encoding="utf-8")
    block = spec[spec.index("hidden = [") : spec.index("]\n", spec.index("hidden = ["))]
    names = re.findall(r'^\s*"([\w.]+)",', block, flags=re.MULTILINE)
    assert "podyx_desktop.server.app" in names and "uvicorn.lifespan.on" in names
    missing = [name for name in names if importlib.util.find_spec(name) is None]
    assert missing == []


def test_the_bundle_check_passes_against_the_full_libraries() -> None:
    """bundle_check.py's expectations hold where nothing is trimmed (smoke.sh then runs it
    inside the bundle): a wrong expectation fails here, not only in the bundle."""
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "bundle_check.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "QCollator de_DE" in done.stdout and "bundle check: all passed" in done.stdout


def icu_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", INSTALLER / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icu_data_is_read_out_of_the_wheels_library() -> None:
    import PySide6

    libraries = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    assert libraries, "PySide6's Linux wheel carries ICU's data library"
    symbol, data = icu_data().data_symbol(libraries[0].read_bytes())
    assert re.fullmatch(r"icudt\d+_dat", symbol)
    header_size = struct.unpack_from("<H", data)[0]
    assert data[2:4] == b"\xda\x27" and data[12:16] == b"CmnD"  # ICU's common data package
    assert struct.unpack_from("<I", data, header_size)[0] > 1000  # items in its table


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/ucadata.icu", True),
        ("coll/de.res", True),
        ("coll/de__PHONEBOOK.res", True),
        ("zone/en_GB.res", True),
        ("zone/tzdbNames.res", True),
        ("region/fr.res", True),
        ("de_CH.res", True),
        ("zoneinfo64.res", True),
        ("likelySubtags.res", True),
        ("coll/ja.res", False),
        ("zone/ru.res", False),
        ("ja.res", False),
        ("brkitr/word.brk", False),
        ("curr/de.res", False),
        ("translit/root.res", False),
        ("ibm-1047_P100-1995.cnv", False),
        ("unames.icu", False),
    ],
)
def test_the_icu_data_keeps_what_qt_reads_for_the_offered_languages(item: str, kept: bool) -> None:
    assert icu_data().kept(item, frozenset({"en", "de", "fr"})) is kept
