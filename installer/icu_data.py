"""Makes a smaller ICU data library for the bundle (podyx.spec calls :func:`trimmed`).

PySide6's Linux wheels carry ICU with all its data in ``libicudata.so.NN``: 31 MB, one
symbol ``icudtNN_dat`` holding ICU's data package. Qt uses ICU for collation
(``QCollator``, locale-aware sorting), time zone names, case mapping of a locale
(``QLocale::toUpper``) and legacy text codecs; case mapping and normalisation are built
into ``libicuuc`` and need no data. This keeps, for the languages the bundle carries,
what those need — the collation, zone and region trees, the locales' main bundles, and
the structural items (indexes, likely subtags, zoneinfo, metazones) — and drops the
rest (converters, transliteration, break iterators, spelled-out numbers, units,
currency and language names, character names …): 31 MB → a few MB.

The data is read out of the wheel's library, trimmed with ICU's ``icupkg`` and linked
again into a library of the same name and symbol with ``gcc`` (an ``.incbin``), so
nothing at run time changes but the data's size. installer/smoke.sh proves the window
still collates, names zones and maps case (``podyx-bundle-check``, bundle_check.py).

    python3 installer/icu_data.py LIBICUDATA OUT_DIR en de …   (what the spec does)
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

# Top-level items every lookup goes through: the indexes and string pool, likely subtags
# and language info (locale fallback), calendar and time-zone data (QTimeZone, ucal_*),
# plural rules and numbering systems (loaded with a locale), converter aliases (Qt lists
# the codec names; the converters themselves are left out).
STRUCTURE = frozenset(
    {
        "root.res",
        "res_index.res",
        "pool.res",
        "likelySubtags.res",
        "langInfo.res",
        "metadata.res",
        "supplementalData.res",
        "icuver.res",
        "icustd.res",
        "keyTypeData.res",
        "timezoneTypes.res",
        "metaZones.res",
        "zoneinfo64.res",
        "windowsZones.res",
        "numberingSystems.res",
        "plurals.res",
        "cnvalias.icu",
    }
)
# Trees Qt reads: collation (QCollator), zone names (QTimeZone::displayName) and region
# names (a zone's generic location name); each keeps its structural items.
TREES = frozenset({"coll", "zone", "region"})
TREE_STRUCTURE = frozenset(
    {"root.res", "res_index.res", "pool.res", "ucadata.icu", "tzdbNames.res"}
)


def data_symbol(library: bytes) -> tuple[str, bytes]:
    """The name and bytes of the ``icudtNN_dat`` symbol of an ELF64 little-endian library."""
    if library[:6] != b"\x7fELF\x02\x01":
        raise ValueError("not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for _, kind, _, _, offset, size, link, _, _, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for at in range(offset, offset + size, entsize):
            name_at, _, _, index, value, length = struct.unpack_from("<IBBHQQ", library, at)
            start = strings[4] + name_at
            name = library[start : library.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name):
                home = sections[index]
                begin = home[4] + value - home[3]
                return name, library[begin : begin + length]
    raise ValueError("no icudtNN_dat symbol in the library")


def kept(item: str, languages: frozenset[str]) -> bool:
    """Whether the package item ``item`` (``coll/de.res``, ``en_GB.res`` …) stays."""
    tree, _, name = item.rpartition("/")
    in_language = name.endswith(".res") and name.split(".")[0].split("_")[0] in languages
    if tree:
        return tree in TREES and (name in TREE_STRUCTURE or in_language)
    return name in STRUCTURE or in_language


def trimmed(library: Path, out_dir: Path, languages: frozenset[str]) -> Path:
    """Writes ``out_dir/<library's name>`` with the data of ``languages`` only."""
    symbol, data = data_symbol(library.read_bytes())
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the item names' prefix
    out_dir.mkdir(parents=True, exist_ok=True)
    for part in ("full", "small"):
        (out_dir / part).mkdir(exist_ok=True)
    full = out_dir / "full" / f"{package}.dat"
    small = out_dir / "small" / f"{package}.dat"  # icupkg names items after its output
    full.write_bytes(data)
    listed = subprocess.run(["icupkg", "-l", str(full)], check=True, capture_output=True, text=True)
    items = listed.stdout.split()
    dropped = [item for item in items if not kept(item, languages)]
    removal = out_dir / "dropped.txt"
    removal.write_text("\n".join(dropped) + "\n", encoding="ascii")
    small.unlink(missing_ok=True)
    subprocess.run(["icupkg", "-r", str(removal), str(full), str(small)], check=True)
    source = out_dir / "icudata.S"
    source.write_text(
        "\n".join(
            (
                "    .section .rodata",
                f"    .globl {symbol}",
                f"    .type {symbol}, @object",
                "    .balign 16",
                f"{symbol}:",
                f'    .incbin "{small}"',
                f"    .size {symbol}, . - {symbol}",
                '    .section .note.GNU-stack,"",@progbits',
                "",
            )
        ),
        encoding="ascii",
    )
    out = out_dir / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out), str(source)],
        check=True,
    )
    full.unlink()
    print(
        f"ICU data: {len(items) - len(dropped)} of {len(items)} items kept "
        f"({len(data) // 1024 // 1024} MB → {small.stat().st_size // 1024} KB)"
    )
    return out


if __name__ == "__main__":
    trimmed(Path(sys.argv[1]), Path(sys.argv[2]), frozenset(sys.argv[3:]))
