"""The translation sources: update them from the code, compile them for the window.

    python scripts/translations.py update    # pyside6-lupdate: new sentences into the .ts files
    python scripts/translations.py compile   # pyside6-lrelease: .ts → .qm (make venv does it)

``update`` reads every module of ``podyx_desktop`` — the views' ``tr()``, the vocabulary's
``QT_TRANSLATE_NOOP`` and the services' ``m()`` / ``mn()`` sentences
(:mod:`podyx_desktop.domain.message`) — and writes ``podyx_de.ts`` (every sentence) and
``podyx_en.ts`` (only the sentences with plural forms: English needs nothing else) under
``podyx_desktop/resources/translations``, keeping the translations already made and
dropping sentences the code no longer has. Translate with Qt Linguist
(``pyside6-linguist``) or by editing the XML; ``tests/test_translations.py`` checks that the
files are current, complete and keep every ``{field}`` of their sources.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from podyx_desktop.resources.translations_build import (  # noqa: E402
    SOURCES,
    compile_translations,
)

LANGUAGES = {"de": "de_DE", "en": "en"}  # file suffix → lupdate's target language
ALIASES = "tr+=m,tr+=mn"


def lupdate_command(ts: Path, language: str, *, plural_only: bool) -> list[str]:
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "podyx_desktop").rglob("*.py"))
    code = "import sys; from PySide6.scripts.pyside_tool import lupdate; sys.exit(lupdate())"
    command = [sys.executable, "-c", code, "-silent", "-no-obsolete", "-locations", "none"]
    command += ["-tr-function-alias", ALIASES, "-target-language", language]
    if plural_only:
        command.append("-pluralonly")
    return [*command, *files, "-ts", str(ts)]


def update(folder: Path = SOURCES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, language in LANGUAGES.items():
        ts = folder / f"podyx_{suffix}.ts"
        command = lupdate_command(ts, language, plural_only=suffix == "en")
        subprocess.run(command, check=True, cwd=ROOT)
        written.append(ts)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        for path in update():
            print(path.relative_to(ROOT))
        return 0
    if argv[:1] == ["compile"]:
        for path in compile_translations():
            print(path.relative_to(ROOT))
        return 0
    print("Usage: python scripts/translations.py update | compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
