"""What the bundle trims, checked where it runs: ICU's data (collation, zone names, a
locale's case mapping), babel's locale data, Qt's formats and Pillow's codecs.

installer/smoke.sh runs it inside the bundle as ``podyx-bundle-check`` (a link to the one
program; entry.py dispatches on the name); tests/test_installer_files.py runs it under
the development install, against the untrimmed libraries, so the expectations below are
proved right there and a trimmed bundle must give the same answers. Prints one line per
check; exits 1 when any differs.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from io import BytesIO

# A binary comparison orders these Bach, Zoo, apple, ober, zebra, Äpfel, Ärger, Öl.
WORDS = ["Zoo", "Ärger", "apple", "Bach", "Öl", "ober", "Äpfel", "zebra"]
COLLATED = ["Äpfel", "apple", "Ärger", "Bach", "ober", "Öl", "zebra", "Zoo"]


def qt_checks() -> list[tuple[str, object, object]]:
    from PySide6.QtCore import (
        QCollator,
        QDate,
        QLocale,
        QSortFilterProxyModel,
        QStringListModel,
        QTimeZone,
    )

    german, english = QLocale("de_DE"), QLocale("en_GB")
    long_date = QLocale.FormatType.LongFormat
    found: list[tuple[str, object, object]] = [
        ("QLocale de_DE number", german.toString(1234567.891, "f", 2), "1.234.567,89"),
        ("QLocale en_GB number", english.toString(1234567.891, "f", 2), "1,234,567.89"),
        (
            "QLocale de_DE date",
            german.toString(QDate(2026, 3, 5), long_date),
            "Donnerstag, 5. März 2026",
        ),
        (
            "QLocale en_GB date",
            english.toString(QDate(2026, 3, 5), long_date),
            "Thursday, 5 March 2026",
        ),
        ("QLocale de_DE upper case", german.toUpper("straße äöü"), "STRASSE ÄÖÜ"),
        ("QLocale de_DE lower case", german.toLower("ÄÖÜ ΣΑΣ"), "äöü σας"),
        ("QLocale tr_TR upper case (ICU)", QLocale("tr_TR").toUpper("i"), "İ"),
    ]
    for locale in (german, english):
        collator = QCollator(locale)
        ordered = sorted(WORDS, key=functools.cmp_to_key(collator.compare))
        found.append((f"QCollator {locale.name()}", ordered, COLLATED))
    QLocale.setDefault(german)  # locale-aware sorting collates in the default locale
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(QStringListModel(WORDS, proxy))
    proxy.setSortLocaleAware(True)
    proxy.sort(0)
    rows = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    found.append(("QSortFilterProxyModel, locale-aware", rows, COLLATED))
    berlin = QTimeZone(b"Europe/Berlin")
    standard, long_name = QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName
    found += [
        (
            "QTimeZone name de_DE",
            berlin.displayName(standard, long_name, german),
            "Mitteleuropäische Normalzeit",
        ),
        (
            "QTimeZone name en_GB",
            berlin.displayName(standard, long_name, english),
            "Central European Standard Time",
        ),
    ]
    return found


def babel_checks() -> list[tuple[str, object, object]]:
    from babel import Locale, localedata

    from podyx_desktop.domain import vocabulary as v
    from podyx_desktop.views.start.first_run import LOCALES

    found: list[tuple[str, object, object]] = [
        ("babel de_DE money", v.money_text(123456, "EUR", "de_DE"), "1.234,56\xa0€"),
        ("babel en_GB money", v.money_text(123456, "GBP", "en_GB"), "£1,234.56"),
        ("babel fr_FR money", v.money_text(123456, "EUR", "fr_FR"), "1\u202f234,56\xa0€"),
        ("babel de_CH money", v.money_text(123456, "CHF", "de_CH"), "CHF\xa01'234.56"),
    ]
    offered = [name for name in LOCALES if not localedata.exists(name)]
    found.append(("babel carries every locale the first run offers", offered, []))
    found.append(
        ("babel parses them", [str(Locale.parse(name)) for name in LOCALES], list(LOCALES))
    )
    if not localedata.exists("ja_JP"):  # the bundle: a locale it does not carry
        english = v.money_text(123456, "EUR", "en")
        found.append(
            ("babel ja_JP (not carried) → English", v.money_text(123456, "EUR", "ja_JP"), english)
        )
    return found


def pillow_checks() -> list[tuple[str, object, object]]:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    found: list[tuple[str, object, object]] = []
    for kind in ("PNG", "JPEG"):  # a studio logo, as the PDFs decode it
        encoded = BytesIO()
        Image.new("RGB", (40, 20), (200, 30, 30)).save(encoded, kind)
        reader = ImageReader(BytesIO(encoded.getvalue()))
        found.append(
            (
                f"a {kind} logo in reportlab",
                (reader.getSize(), len(reader.getRGBData())),
                ((40, 20), 2400),
            )
        )
    return found


def translation_checks() -> list[tuple[str, object, object]]:
    """The window's German: the compiled translation the build made, and Qt's own."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from podyx_desktop.gui.translation import translations_folder

    app = QCoreApplication.instance() or QCoreApplication([])
    ours, qts = QTranslator(app), QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = (ours.load("podyx_de", str(translations_folder())), qts.load("qtbase_de", qt_folder))
    app.installTranslator(ours)
    app.installTranslator(qts)
    try:
        return [
            ("podyx_de.qm and qtbase_de.qm load", loaded, (True, True)),
            (
                "a sentence in German",
                ours.translate("AccountTab", "On this computer"),
                "Auf diesem Computer",
            ),
            (
                "Qt's own word in German",
                QCoreApplication.translate("QPlatformTheme", "Cancel"),
                "Abbrechen",
            ),
        ]
    finally:
        app.removeTranslator(ours)
        app.removeTranslator(qts)


def main() -> int:
    groups: list[Callable[[], list[tuple[str, object, object]]]] = [
        qt_checks,
        translation_checks,
        babel_checks,
        pillow_checks,
    ]
    failed = 0
    for group in groups:
        for what, got, expected in group():
            if got == expected:
                print(f"ok      {what}: {got!r}")
            else:
                failed += 1
                print(f"FAILED  {what}: {got!r}, expected {expected!r}")
    print(f"bundle check: {failed} failed" if failed else "bundle check: all passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
